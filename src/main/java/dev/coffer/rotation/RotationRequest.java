package dev.coffer.rotation;

import dev.coffer.aws.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One RotateSecret request as the rotation wizard builds it (never a secret value).
 *
 * @param lambdaArn         the rotation function; empty for managed rotation (secrets owned by a service)
 * @param window            the rotation window ("3h"), or empty for AWS's default
 * @param rotateImmediately rotate now (true) or only test the function with the testSecret step (false)
 */
public record RotationRequest(String secretId, Optional<String> lambdaArn, RotationSchedule schedule, String window,
                              boolean rotateImmediately) {

    private static final Pattern LAMBDA_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?");

    public RotationRequest {
        window = window == null ? "" : window.trim();
        lambdaArn = lambdaArn == null ? Optional.empty() : lambdaArn.map(String::trim);
    }

    /** Every problem at once, checked before anything is sent. */
    public List<Problem> problems(boolean managedAllowed) {
        List<Problem> problems = new ArrayList<>();
        if (lambdaArn.isEmpty() && !managedAllowed) {
            problems.add(new Problem("function", "Choose a rotation function: only secrets owned by a service rotate without one (managed rotation)."));
        }
        lambdaArn.filter(a -> !LAMBDA_ARN.matcher(a).matches()).ifPresent(a -> problems.add(new Problem("function",
                "\"" + a + "\" is not a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME).")));
        problems.addAll(schedule.problems());
        problems.addAll(schedule.windowProblems(window));
        return problems;
    }

    /** The request as AWS receives it, for the review page. */
    public Map<String, Object> asRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("SecretId", secretId);
        lambdaArn.ifPresent(a -> request.put("RotationLambdaARN", a));
        Map<String, Object> rules = new LinkedHashMap<>();
        schedule.automaticallyAfterDays().ifPresent(d -> rules.put("AutomaticallyAfterDays", d));
        schedule.scheduleExpression().ifPresent(e -> rules.put("ScheduleExpression", e));
        if (!window.isEmpty()) {
            rules.put("Duration", window);
        }
        request.put("RotationRules", rules);
        request.put("RotateImmediately", rotateImmediately);
        return request;
    }
}
