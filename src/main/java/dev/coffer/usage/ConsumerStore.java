package dev.coffer.usage;

import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.ResumableListing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The AWS reads of a where-used scan, reads only (so audit mode's sessions can run it): every list
 * at its largest page size, one GetTemplate per stack in a {@code *_COMPLETE} state, only the
 * default and latest version of each launch template, only the latest active revision of each
 * task definition family. Each reading stops between pages (and between stacks and families)
 * once {@code cancelled} says so.
 */
public final class ConsumerStore {

    static final int LAUNCH_TEMPLATE_PAGE = 200;
    static final int FUNCTION_PAGE = 50;
    static final int FAMILY_PAGE = 100;
    static final int SECRET_PAGE = 100;
    static final int PARAMETER_PAGE = 10;

    private final ClientFactory clients;

    public ConsumerStore(ClientFactory clients) {
        this.clients = clients;
    }

    /**
     * A stack's original template, and the Parameter Store names it was given for its
     * {@code AWS::SSM::Parameter::Value} parameters (AWS answers those with the name as the value and
     * the resolved value beside it).
     */
    public record StackTemplate(String stack, String template, Map<String, String> givenParameterNames) {
    }

    /** The image id of one launch template version (default, latest or both). */
    public record LaunchTemplateImage(String template, long version, boolean isDefault, String imageId) {
    }

    /** A Lambda function's environment variables. */
    public record FunctionEnvironment(String functionArn, Map<String, String> variables) {
    }

    /** One value a task definition's container takes: from {@code secrets} (valueFrom) or {@code environment}. */
    public record ContainerValue(String container, String variable, String value, boolean fromSecrets) {
    }

    public record TaskDefinition(String arn, List<ContainerValue> values) {
    }

    /** A parameter's name, and its value when it is a String (other types are not read as names). */
    public record ListedParameter(String name, Optional<String> stringValue) {
    }

    /** Every stack in a {@code *_COMPLETE} state with its template, one GetTemplate each; returns how many. */
    public int stacks(Consumer<StackTemplate> each, BooleanSupplier cancelled) {
        int[] read = {0};
        new ResumableListing<DescribeStacksResponse, Stack>("stacks", clients,
                next -> clients.cloudFormation().describeStacks(b -> b.nextToken(next)),
                DescribeStacksResponse::stacks, DescribeStacksResponse::nextToken)
                .from(null, page -> {
                    for (Stack stack : page) {
                        String status = stack.stackStatusAsString();
                        if (cancelled.getAsBoolean() || !status.endsWith("_COMPLETE") || status.equals("DELETE_COMPLETE")) {
                            continue;
                        }
                        String template = clients.cloudFormation().getTemplate(b -> b.stackName(stack.stackName())).templateBody();
                        Map<String, String> given = new LinkedHashMap<>();
                        stack.parameters().stream().filter(p -> p.resolvedValue() != null)
                                .forEach(p -> given.put(p.parameterKey(), p.parameterValue()));
                        each.accept(new StackTemplate(stack.stackName(), template == null ? "" : template, given));
                        read[0]++;
                    }
                }, cancelled);
        return read[0];
    }

    /** The default and the latest version of every launch template, in one listing. */
    public List<LaunchTemplateImage> launchTemplateImages(BooleanSupplier cancelled) {
        Map<String, LaunchTemplateImage> found = new LinkedHashMap<>();
        new ResumableListing<DescribeLaunchTemplateVersionsResponse, software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion>(
                "launch template versions", clients,
                next -> clients.ec2().describeLaunchTemplateVersions(b -> b.versions("$Default", "$Latest")
                        .maxResults(LAUNCH_TEMPLATE_PAGE).nextToken(next)),
                DescribeLaunchTemplateVersionsResponse::launchTemplateVersions, DescribeLaunchTemplateVersionsResponse::nextToken)
                .from(null, page -> page.forEach(v -> {
                    String imageId = v.launchTemplateData() == null ? null : v.launchTemplateData().imageId();
                    // Default and latest are one version when they are the same.
                    found.put(v.launchTemplateId() + ":" + v.versionNumber(), new LaunchTemplateImage(v.launchTemplateName(),
                            v.versionNumber(), Boolean.TRUE.equals(v.defaultVersion()), imageId == null ? "" : imageId));
                }), cancelled);
        return List.copyOf(found.values());
    }

    /** Every Lambda function with its environment variables (ListFunctions carries them). */
    public List<FunctionEnvironment> functions(BooleanSupplier cancelled) {
        List<FunctionEnvironment> found = new ArrayList<>();
        new ResumableListing<ListFunctionsResponse, FunctionConfiguration>("Lambda functions", clients,
                next -> clients.lambda().listFunctions(b -> b.maxItems(FUNCTION_PAGE).marker(next)),
                ListFunctionsResponse::functions, ListFunctionsResponse::nextMarker)
                .from(null, page -> page.forEach(f -> found.add(new FunctionEnvironment(f.functionArn(),
                        f.environment() == null ? Map.of() : f.environment().variables()))), cancelled);
        return found;
    }

    /** The latest revision of every active task definition family, one DescribeTaskDefinition each; returns how many. */
    public int taskDefinitions(Consumer<TaskDefinition> each, BooleanSupplier cancelled) {
        int[] read = {0};
        new ResumableListing<ListTaskDefinitionFamiliesResponse, String>("task definition families", clients,
                next -> clients.ecs().listTaskDefinitionFamilies(b -> b.status(TaskDefinitionFamilyStatus.ACTIVE)
                        .maxResults(FAMILY_PAGE).nextToken(next)),
                ListTaskDefinitionFamiliesResponse::families, ListTaskDefinitionFamiliesResponse::nextToken)
                .from(null, page -> {
                    for (String family : page) {
                        if (cancelled.getAsBoolean()) {
                            return;
                        }
                        software.amazon.awssdk.services.ecs.model.TaskDefinition definition =
                                clients.ecs().describeTaskDefinition(b -> b.taskDefinition(family)).taskDefinition();
                        List<ContainerValue> values = new ArrayList<>();
                        for (ContainerDefinition container : definition.containerDefinitions()) {
                            container.secrets().forEach(s -> values.add(new ContainerValue(container.name(), s.name(), s.valueFrom(), true)));
                            container.environment().forEach(e -> values.add(new ContainerValue(container.name(), e.name(),
                                    e.value() == null ? "" : e.value(), false)));
                        }
                        each.accept(new TaskDefinition(definition.taskDefinitionArn(), values));
                        read[0]++;
                    }
                }, cancelled);
        return read[0];
    }

    /** Every secret's name and ARN, with its rotation function. */
    public List<KnownSecret> secrets(BooleanSupplier cancelled) {
        List<KnownSecret> found = new ArrayList<>();
        new ResumableListing<ListSecretsResponse, KnownSecret>("secrets", clients,
                next -> clients.secretsManager().listSecrets(b -> b.maxResults(SECRET_PAGE).nextToken(next)),
                page -> page.secretList().stream().map(s -> new KnownSecret(s.name(), s.arn(),
                        Optional.ofNullable(s.rotationLambdaARN()).filter(arn -> !arn.isBlank()))).toList(),
                ListSecretsResponse::nextToken)
                .from(null, found::addAll, cancelled);
        return found;
    }

    /**
     * Every parameter under {@code /} with the value of each String parameter, without decryption
     * (in audit mode the reveal log records those values as read, as it does every plain value).
     * Returns the pages read.
     */
    public int parameters(Consumer<List<ListedParameter>> onPage, BooleanSupplier cancelled) {
        return new ResumableListing<GetParametersByPathResponse, ListedParameter>("parameters", clients,
                next -> clients.ssm().getParametersByPath(b -> b.path("/").recursive(true).withDecryption(false)
                        .maxResults(PARAMETER_PAGE).nextToken(next)),
                page -> page.parameters().stream().map(p -> new ListedParameter(p.name(),
                        p.type() == ParameterType.STRING ? Optional.ofNullable(p.value()) : Optional.empty())).toList(),
                GetParametersByPathResponse::nextToken)
                .from(null, onPage, cancelled);
    }
}
