package dev.coffer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coffer.aws.Tag;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterPath;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import dev.coffer.sandbox.SandboxData.Inventory;
import dev.coffer.sandbox.SandboxData.ParameterEntry;
import dev.coffer.sandbox.SandboxData.SecretEntry;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sandbox's example data keeps to the AWS limits the editors enforce (see docs/aws-limits.md). */
class SandboxDataTest {

    private final Inventory inventory = SandboxData.inventory();

    @Test
    void parameterNamesFollowTheNamingRules() {
        Set<String> names = new HashSet<>();
        for (ParameterEntry p : inventory.parameterEntries()) {
            assertThat(names.add(p.name())).as("unique " + p.name()).isTrue();
            assertThat(p.name()).matches("[a-zA-Z0-9_.\\-/]+").startsWith("/");
            String first = ParameterPath.folderSegments(p.name()).isEmpty() ? p.name() : ParameterPath.folderSegments(p.name()).get(0);
            assertThat(first.toLowerCase(Locale.ROOT)).doesNotStartWith("aws").doesNotStartWith("ssm");
            assertThat(ParameterPath.folderSegments(p.name()).size() + 1).isLessThanOrEqualTo(15);
            assertThat(p.name().length()).isLessThanOrEqualTo(1011);
        }
    }

    @Test
    void parameterMetadataIsConsistent() {
        for (ParameterEntry p : inventory.parameterEntries()) {
            assertThat(p.tier()).isIn(ParameterTier.STANDARD, ParameterTier.ADVANCED);
            if (p.dataType() == ParameterDataType.EC2_IMAGE) {
                assertThat(p.type()).as(p.name()).isEqualTo(ParameterType.STRING);
            }
            assertThat(p.keyId().isPresent()).as(p.name() + " has a key exactly when secure").isEqualTo(p.isSecure());
            assertThat(p.versions()).isBetween(1, 100);
            p.description().ifPresent(d -> assertThat(d.length()).isLessThanOrEqualTo(1024));
            p.value().ifPresent(v -> assertThat(v.getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(p.tier() == ParameterTier.ADVANCED ? 8192 : 4096));
            assertThat(p.tags()).hasSizeLessThanOrEqualTo(50).allSatisfy(SandboxDataTest::validTag);
            p.labels().forEach((label, version) -> {
                assertThat(label).matches("[a-zA-Z_.\\-][a-zA-Z0-9_.\\-]{0,99}");
                assertThat(label.toLowerCase(Locale.ROOT)).doesNotStartWith("aws").doesNotStartWith("ssm");
                assertThat(version).isBetween(1, p.versions());
            });
        }
    }

    @Test
    void goldenAmiParametersAreLabelledGoldenAndPrevious() {
        for (String name : inventory.goldenAmiParameters()) {
            ParameterEntry p = inventory.parameter(name);
            assertThat(p.name()).startsWith(SandboxData.GOLDEN_AMI_ROOT + "/");
            assertThat(p.labels()).containsEntry(SandboxData.LABEL_GOLDEN, p.versions());
            if (p.versions() > 1) {
                assertThat(p.labels()).containsEntry(SandboxData.LABEL_PREVIOUS, p.versions() - 1);
            }
        }
        assertThat(inventory.parameter("/golden-ami/al2023/dev").versions()).isGreaterThan(2);
        assertThat(inventory.parameter("/golden-ami/al2023/staging").versions()).isGreaterThan(1);
    }

    @Test
    void theAdvancedExampleNeedsTheAdvancedTier() throws Exception {
        String json = SandboxData.advancedConfigJson();
        assertThat(SandboxData.utf8Size(json)).isGreaterThan(4096).isLessThanOrEqualTo(8192);
        assertThat(new ObjectMapper().readTree(json).isObject()).isTrue();
        assertThat(inventory.parameter(inventory.advancedParameters().get(0)).value()).contains(json);
    }

    @Test
    void secretsFollowTheNamingRules() {
        for (SecretEntry s : inventory.secretEntries()) {
            assertThat(s.name()).matches("[a-zA-Z0-9/_+=.@\\-]{1,512}");
            assertThat(s.name()).as("AWS appends -xxxxxx to ARNs; avoid names that look like it").doesNotMatch(".*-[a-zA-Z0-9]{6}");
            assertThat(s.description().length()).isLessThanOrEqualTo(2048);
            assertThat(s.tags()).isNotEmpty().hasSizeLessThanOrEqualTo(50).allSatisfy(SandboxDataTest::validTag);
            assertThat(s.versions()).isBetween(1, 2);
            if (s.isDatabase()) {
                assertThat(s.engine()).get().isIn("postgres", "mysql", "redshift", "mongo");
                assertThat(s.port()).isPresent();
                assertThat(s.host()).isPresent();
            }
        }
    }

    @Test
    void foldersAreEveryAncestorOfEveryParameter() {
        assertThat(inventory.folders()).doesNotContain("/").isSorted()
                .contains("/apps", "/apps/billing", "/apps/billing/prod", "/golden-ami", "/golden-ami/al2023", "/automation");
        for (String name : inventory.parameters()) {
            assertThat(inventory.folders()).contains(ParameterPath.parentOf(name));
        }
    }

    private static void validTag(Tag t) {
        assertThat(t.key()).hasSizeBetween(1, 128).doesNotStartWith("aws:");
        assertThat(t.value()).hasSizeLessThanOrEqualTo(256);
    }
}
