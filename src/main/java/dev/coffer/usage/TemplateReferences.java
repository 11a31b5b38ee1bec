package dev.coffer.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a CloudFormation template reads from Parameter Store and Secrets Manager, and what it owns
 * there:
 * <ul>
 *   <li>template parameters of type {@code AWS::SSM::Parameter::Value<…>}, with the value the stack
 *       was given or else their Default;</li>
 *   <li>dynamic references {@code {{resolve:ssm:…}}}, {@code {{resolve:ssm-secure:…}}} and
 *       {@code {{resolve:secretsmanager:…}}} in any string of the template;</li>
 *   <li>{@code AWS::SSM::Parameter} and {@code AWS::SecretsManager::Secret} resources with a Name: the
 *       stack manages them.</li>
 * </ul>
 * Templates are JSON or YAML; YAML's short-form functions ({@code !Sub}, {@code !Ref}, …) are read
 * as the plain values they tag.
 */
public final class TemplateReferences {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern DYNAMIC = Pattern.compile("\\{\\{resolve:(ssm|ssm-secure|secretsmanager):([^}]*)}}");
    private static final String SSM_PARAMETER_TYPE = "AWS::SSM::Parameter::Value<";

    private TemplateReferences() {
    }

    /**
     * The consumers a stack's template makes.
     *
     * @param givenValues the values the stack was given for its parameters, by parameter name
     * @throws IllegalArgumentException when the template is neither JSON nor YAML, naming the stack and the line
     */
    public static List<Consumer> of(String stack, String template, Map<String, String> givenValues) {
        JsonNode root = parse(stack, template);
        List<Consumer> found = new ArrayList<>();
        parameters(stack, root.path("Parameters"), givenValues, found);
        dynamicReferences(stack, root, new ArrayList<>(), found);
        ownedResources(stack, root.path("Resources"), found);
        return found;
    }

    private static JsonNode parse(String stack, String template) {
        try {
            JsonNode root = template.stripLeading().startsWith("{") ? JSON.readTree(template) : YAML.readTree(template);
            return root == null ? JSON.nullNode() : root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IllegalArgumentException("The template of stack " + stack + " could not be read" + where + ": "
                    + e.getOriginalMessage());
        }
    }

    private static void parameters(String stack, JsonNode parameters, Map<String, String> givenValues, List<Consumer> found) {
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> parameter = it.next();
            if (!parameter.getValue().path("Type").asText().startsWith(SSM_PARAMETER_TYPE)) {
                continue;
            }
            String name = Optional.ofNullable(givenValues.get(parameter.getKey())).orElse(parameter.getValue().path("Default").asText(""));
            ReferenceForms.ssm(name).ifPresent(reference -> found.add(
                    Consumer.reads(reference, ConsumerKind.CLOUDFORMATION_STACK, stack, "Parameters." + parameter.getKey())));
        }
    }

    private static void dynamicReferences(String stack, JsonNode node, List<String> path, List<Consumer> found) {
        if (node.isTextual()) {
            Matcher m = DYNAMIC.matcher(node.asText());
            while (m.find()) {
                Optional<Reference> reference = m.group(1).equals("secretsmanager")
                        ? ReferenceForms.secretsManager(m.group(2)) : ReferenceForms.ssm(m.group(2));
                reference.ifPresent(r -> found.add(Consumer.reads(r, ConsumerKind.CLOUDFORMATION_STACK, stack, location(path))));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add("[" + i + "]");
                dynamicReferences(stack, node.get(i), path, found);
                path.remove(path.size() - 1);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                path.add(field.getKey());
                dynamicReferences(stack, field.getValue(), path, found);
                path.remove(path.size() - 1);
            }
        }
    }

    private static void ownedResources(String stack, JsonNode resources, List<Consumer> found) {
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            JsonNode name = resource.getValue().path("Properties").path("Name");
            if (!name.isTextual() || name.asText().isBlank()) {
                continue; // a generated name is known only to the stack
            }
            String type = resource.getValue().path("Type").asText();
            Target target = switch (type) {
                case "AWS::SSM::Parameter" -> Target.parameter(name.asText());
                case "AWS::SecretsManager::Secret" -> Target.secret(name.asText());
                default -> null;
            };
            if (target != null) {
                found.add(new Consumer(target, ConsumerKind.CLOUDFORMATION_STACK, stack, resource.getKey() + " (" + type + ")",
                        Optional.empty(), true));
            }
        }
    }

    /** {@code Resources.Web.Properties.ImageId} reads as {@code Web.ImageId}: the logical id and the property. */
    private static String location(List<String> path) {
        List<String> shown = new ArrayList<>(path);
        if (shown.size() >= 3 && shown.get(0).equals("Resources") && shown.get(2).equals("Properties")) {
            shown.remove(2);
            shown.remove(0);
        }
        StringBuilder text = new StringBuilder();
        for (String segment : shown) {
            if (text.length() > 0 && !segment.startsWith("[")) {
                text.append('.');
            }
            text.append(segment);
        }
        return text.toString();
    }
}
