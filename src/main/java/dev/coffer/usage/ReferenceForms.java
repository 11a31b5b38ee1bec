package dev.coffer.usage;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The forms in which AWS services name a parameter or a secret: ARNs, the
 * {@code /aws/reference/secretsmanager/} path, dynamic references' specifications and ECS's
 * {@code valueFrom}.
 */
final class ReferenceForms {

    static final String SECRET_REFERENCE = "/aws/reference/secretsmanager/";

    /** arn:PARTITION:ssm:REGION:ACCOUNT:parameter/NAME has six parts; a selector may follow. */
    private static final int PARAMETER_ARN_PARTS = 6;
    /** arn:PARTITION:secretsmanager:REGION:ACCOUNT:secret:NAME-abcdef has seven. */
    private static final int SECRET_ARN_PARTS = 7;

    private ReferenceForms() {
    }

    static boolean isParameterArn(String text) {
        return text.startsWith("arn:") && text.contains(":ssm:") && text.contains(":parameter/");
    }

    static boolean isSecretArn(String text) {
        return text.startsWith("arn:") && text.contains(":secretsmanager:") && text.contains(":secret:");
    }

    /** The name a parameter ARN stands for: {@code parameter/apps/x} is {@code /apps/x}, {@code parameter/x} is {@code x}. */
    static String parameterName(String arn) {
        String path = arn.substring(arn.indexOf(":parameter/") + ":parameter/".length());
        return path.contains("/") ? "/" + path : path;
    }

    /**
     * {@code NAME[:SELECTOR]} or {@code ARN[:SELECTOR]}, as {@code {{resolve:ssm:…}}} and a launch
     * template's {@code resolve:ssm:…} take it; the selector (a version, or a label where EC2 allows
     * one) pins what is read.
     */
    static Optional<Reference> ssm(String spec) {
        String name;
        String selector;
        if (isParameterArn(spec)) {
            String[] parts = spec.split(":", -1);
            name = parameterName(String.join(":", Arrays.copyOf(parts, PARAMETER_ARN_PARTS)));
            selector = String.join(":", Arrays.copyOfRange(parts, PARAMETER_ARN_PARTS, parts.length));
        } else {
            int colon = spec.indexOf(':');
            name = colon < 0 ? spec : spec.substring(0, colon);
            selector = colon < 0 ? "" : spec.substring(colon + 1);
        }
        if (name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Reference(Target.parameter(name), selector.isBlank() ? Optional.empty() : Optional.of(selector)));
    }

    /**
     * {@code SECRET-ID[:SecretString:JSON-KEY:VERSION-STAGE:VERSION-ID]}, the secret id a name or an
     * ARN, as {@code {{resolve:secretsmanager:…}}} takes it.
     */
    static Optional<Reference> secretsManager(String spec) {
        String[] parts = spec.split(":", -1);
        int idParts = isSecretArn(spec) ? Math.min(SECRET_ARN_PARTS, parts.length) : 1;
        String id = String.join(":", Arrays.copyOf(parts, idParts));
        if (id.isBlank()) {
            return Optional.empty();
        }
        // After the id: SecretString, the JSON key, the version stage, the version id.
        String stage = part(parts, idParts + 2);
        String versionId = part(parts, idParts + 3);
        return Optional.of(new Reference(Target.secret(id), pin(stage, versionId)));
    }

    /**
     * An ECS container's {@code secrets[].valueFrom}: a secret's ARN, optionally followed by
     * {@code :JSON-KEY:VERSION-STAGE:VERSION-ID}, a parameter's ARN, or a parameter's name.
     */
    static Optional<Reference> valueFrom(String valueFrom) {
        String text = valueFrom.trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (isSecretArn(text)) {
            String[] parts = text.split(":", -1);
            String arn = String.join(":", Arrays.copyOf(parts, Math.min(SECRET_ARN_PARTS, parts.length)));
            return Optional.of(new Reference(Target.secret(arn), pin(part(parts, SECRET_ARN_PARTS + 1), part(parts, SECRET_ARN_PARTS + 2))));
        }
        if (isParameterArn(text)) {
            return Optional.of(Reference.latest(Target.parameter(parameterName(text))));
        }
        return Optional.of(Reference.latest(Target.parameter(text)));
    }

    /**
     * A plain value (an environment variable, a String parameter's value) that names a parameter or
     * a secret: a parameter's ARN or the name of a parameter that exists, a secret's ARN or the name
     * of a secret that exists, or the {@code /aws/reference/secretsmanager/} path of a secret.
     */
    static Optional<Reference> plainValue(String value, Set<String> parameterNames, SecretIds secrets) {
        String text = value.trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.startsWith(SECRET_REFERENCE) && text.length() > SECRET_REFERENCE.length()) {
            return Optional.of(Reference.latest(Target.secret(text.substring(SECRET_REFERENCE.length()))));
        }
        if (isParameterArn(text)) {
            return Optional.of(Reference.latest(Target.parameter(parameterName(text))));
        }
        if (isSecretArn(text) || secrets.arnOf(text).isPresent()) {
            return Optional.of(Reference.latest(Target.secret(text)));
        }
        if (parameterNames.contains(text)) {
            return Optional.of(Reference.latest(Target.parameter(text)));
        }
        return Optional.empty();
    }

    /** A version id pins; a stage other than AWSCURRENT pins to that stage. */
    private static Optional<String> pin(String stage, String versionId) {
        if (!versionId.isBlank()) {
            return Optional.of(versionId);
        }
        if (!stage.isBlank() && !stage.equals("AWSCURRENT")) {
            return Optional.of(stage);
        }
        return Optional.empty();
    }

    private static String part(String[] parts, int index) {
        return index < parts.length ? parts[index] : "";
    }
}
