package dev.coffer.rotation;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RotationRulesType;

/** Turns rotation on (RotateSecret), rotates now and turns it off (CancelRotateSecret). Plain Java; no UI types. */
public final class RotationSetup {

    private final ClientFactory clients;

    public RotationSetup(ClientFactory clients) {
        this.clients = clients;
    }

    /**
     * Sends the request after checking it; a problem throws {@link InvalidDraftException} before
     * anything is sent. Returns the version id of the pending rotation.
     *
     * @param managedAllowed the secret is owned by a service, so it may rotate without a function
     */
    public String apply(RotationRequest request, boolean managedAllowed) {
        List<Problem> problems = request.problems(managedAllowed);
        if (!problems.isEmpty()) {
            throw new InvalidDraftException(problems);
        }
        RotationRulesType.Builder rules = RotationRulesType.builder();
        request.schedule().automaticallyAfterDays().ifPresent(d -> rules.automaticallyAfterDays((long) d));
        request.schedule().scheduleExpression().ifPresent(rules::scheduleExpression);
        if (!request.window().isEmpty()) {
            rules.duration(request.window());
        }
        RotateSecretRequest.Builder rotate = RotateSecretRequest.builder()
                .secretId(request.secretId())
                .rotationRules(rules.build())
                .rotateImmediately(request.rotateImmediately());
        request.lambdaArn().ifPresent(rotate::rotationLambdaARN);
        return clients.secretsManager().rotateSecret(rotate.build()).versionId();
    }

    /**
     * Rotates now with the secret's rotation settings. The function is named again so the request
     * does the same on every implementation (AWS keeps it either way).
     */
    public String rotateNow(String secretId, java.util.Optional<String> lambdaArn) {
        RotateSecretRequest.Builder rotate = RotateSecretRequest.builder().secretId(secretId);
        lambdaArn.ifPresent(rotate::rotationLambdaARN);
        return clients.secretsManager().rotateSecret(rotate.build()).versionId();
    }

    /** Turns automatic rotation off (CancelRotateSecret); a rotation under way is left as it is. */
    public void turnOff(String secretId) {
        clients.secretsManager().cancelRotateSecret(b -> b.secretId(secretId));
    }
}
