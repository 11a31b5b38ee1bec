package dev.coffer.parameters;

import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the editor wants a parameter to become: everything PutParameter and the tag calls take.
 * Missing parts get AWS's defaults (data type text, tier Standard, no description, no tags,
 * no policies); a blank key id means the default key. {@link #toString()} never shows the value.
 *
 * @param keyId the KMS key of a SecureString (id, ARN or alias); empty for the default alias/aws/ssm
 */
public record ParameterDraft(String name, ParameterType type, SecretText value, String description, ParameterDataType dataType,
                             ParameterTier tier, Optional<String> keyId, List<Tag> tags, ParameterPolicies policies) {

    public ParameterDraft {
        name = name == null ? "" : name;
        Objects.requireNonNull(type, "type");
        value = value == null ? SecretText.of("") : value;
        description = description == null ? "" : description;
        dataType = dataType == null ? ParameterDataType.TEXT : dataType;
        tier = tier == null ? ParameterTier.STANDARD : tier;
        keyId = keyId == null ? Optional.empty() : keyId.map(String::trim).filter(k -> !k.isEmpty());
        tags = tags == null ? List.of() : List.copyOf(tags);
        policies = policies == null ? ParameterPolicies.none() : policies;
    }

    /** A new Standard "text" parameter with no description, tags or policies. */
    public static ParameterDraft of(String name, ParameterType type, SecretText value) {
        return new ParameterDraft(name, type, value, "", ParameterDataType.TEXT, ParameterTier.STANDARD, Optional.empty(), List.of(),
                ParameterPolicies.none());
    }

    /**
     * The draft of an existing parameter as it is now, to start editing from. Policies the
     * parameter reports and Coffer can not read are treated as none.
     */
    public static ParameterDraft of(Parameter parameter, SecretText value, List<Tag> tags) {
        ParameterPolicies policies;
        try {
            policies = ParameterPolicies.parse(parameter.policiesJson());
        } catch (IllegalArgumentException unreadable) {
            policies = ParameterPolicies.none();
        }
        return new ParameterDraft(parameter.name(), parameter.type(), value, parameter.description().orElse(""),
                parameter.dataType(), parameter.tier(), parameter.isSecure() ? parameter.keyId() : Optional.empty(), tags, policies);
    }

    public boolean isSecure() {
        return type == ParameterType.SECURE_STRING;
    }

    public ParameterDraft withName(String newName) {
        return new ParameterDraft(newName, type, value, description, dataType, tier, keyId, tags, policies);
    }

    public ParameterDraft withType(ParameterType newType) {
        return new ParameterDraft(name, newType, value, description, dataType, tier, keyId, tags, policies);
    }

    public ParameterDraft withValue(SecretText newValue) {
        return new ParameterDraft(name, type, newValue, description, dataType, tier, keyId, tags, policies);
    }

    public ParameterDraft withDescription(String newDescription) {
        return new ParameterDraft(name, type, value, newDescription, dataType, tier, keyId, tags, policies);
    }

    public ParameterDraft withDataType(ParameterDataType newDataType) {
        return new ParameterDraft(name, type, value, description, newDataType, tier, keyId, tags, policies);
    }

    public ParameterDraft withTier(ParameterTier newTier) {
        return new ParameterDraft(name, type, value, description, dataType, newTier, keyId, tags, policies);
    }

    public ParameterDraft withKeyId(Optional<String> newKeyId) {
        return new ParameterDraft(name, type, value, description, dataType, tier, newKeyId, tags, policies);
    }

    public ParameterDraft withTags(List<Tag> newTags) {
        return new ParameterDraft(name, type, value, description, dataType, tier, keyId, newTags, policies);
    }

    public ParameterDraft withPolicies(ParameterPolicies newPolicies) {
        return new ParameterDraft(name, type, value, description, dataType, tier, keyId, tags, newPolicies);
    }

    /** Everything but the value, which shows only as its size. */
    @Override
    public String toString() {
        return "ParameterDraft[name=" + name + ", type=" + type + ", value=(hidden, " + value.sizeInBytes() + " bytes)"
                + ", description=" + description + ", dataType=" + dataType + ", tier=" + tier + ", keyId=" + keyId.orElse("(default)")
                + ", tags=" + tags + ", policies=" + policies.summary() + "]";
    }
}
