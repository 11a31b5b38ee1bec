package dev.coffer.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.aws.SecretText;
import dev.coffer.aws.Tag;
import dev.coffer.parameters.ParameterDataType;
import dev.coffer.parameters.ParameterTier;
import dev.coffer.parameters.ParameterType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The export file format: what is written, and every entry checked when it is read. */
class ExportDocumentTest {

    private static final String SECRET = "s3cret-never-written";

    private static ParameterItem item(String name, ParameterType type, ParameterTier tier, ParameterDataType dataType, String value) {
        return new ParameterItem(name, type, tier, dataType, Optional.empty(), Optional.empty(), "", Optional.of(List.of(new Tag("Team", "a"))),
                Optional.empty(), Optional.of(SecretText.of(value)), 1, Optional.empty());
    }

    private static String document(String path, String... entries) {
        return "{\"coffer\":\"parameters\",\"version\":1,\"path\":\"" + path + "\",\"parameters\":[" + String.join(",", entries) + "]}";
    }

    private static String named(String name) {
        return "{\"name\":\"" + name + "\",\"type\":\"String\",\"value\":\"v\"}";
    }

    @Test
    void writesAwsNamesAndNoSecureStringValueAndReadsThemBack() {
        String json = ExportDocument.write("/apps", List.of(
                item("/apps/ami", ParameterType.STRING, ParameterTier.ADVANCED, ParameterDataType.EC2_IMAGE, "ami-0123456789abcdef0"),
                item("/apps/hosts", ParameterType.STRING_LIST, ParameterTier.STANDARD, ParameterDataType.TEXT, "a,b"),
                item("/apps/token", ParameterType.SECURE_STRING, ParameterTier.STANDARD, ParameterDataType.TEXT, SECRET)));

        assertThat(json).doesNotContain(SECRET);
        assertThat(json.replaceAll("\\s", "")).contains(
                "{\"name\":\"/apps/ami\",\"type\":\"String\",\"value\":\"ami-0123456789abcdef0\",\"description\":\"\","
                        + "\"tier\":\"Advanced\",\"dataType\":\"aws:ec2:image\",\"tags\":[{\"key\":\"Team\",\"value\":\"a\"}]}",
                "{\"name\":\"/apps/token\",\"type\":\"SecureString\",\"value\":null,\"secure\":true,\"description\":\"\","
                        + "\"tier\":\"Standard\",\"dataType\":\"text\"");
        ExportDocument.Contents read = ExportDocument.read(json, true);
        assertThat(read.root()).isEqualTo("/apps");
        assertThat(read.rejected()).isEmpty();
        assertThat(read.parameters()).containsOnlyKeys("ami", "hosts", "token");
        assertThat(read.parameters().get("ami").dataType()).isEqualTo(ParameterDataType.EC2_IMAGE);
        assertThat(read.parameters().get("ami").tier()).isEqualTo(ParameterTier.ADVANCED);
        assertThat(read.parameters().get("hosts").value()).contains(SecretText.of("a,b"));
        assertThat(read.parameters().get("token").value()).isEmpty();
        assertThat(ExportDocument.read(json, false).parameters().get("hosts").value()).as("values only when compared").isEmpty();
    }

    @Test
    void namesAreRelativeToTheExportedFolderAndOthersAreRejected() {
        ExportDocument.Contents read = ExportDocument.read(document("/apps/billing/", named("/apps/billing/url"),
                named("/apps/billing/db/host"), named("/apps/billing-old/url"), named("/other/x")), true);

        assertThat(read.root()).isEqualTo("/apps/billing");
        assertThat(read.parameters()).containsOnlyKeys("url", "db/host");
        assertThat(read.rejected()).extracting(Rejected::entry).containsExactly("/apps/billing-old/url", "/other/x");
        assertThat(read.rejected()).allSatisfy(r -> assertThat(r.reason()).startsWith("outside /apps/billing"));
    }

    @Test
    void aRootExportTakesEveryNameAndAFileWithoutAPathIsTheRoot() {
        assertThat(ExportDocument.read(document("/", named("/a/b"), named("build-number")), true).parameters())
                .containsOnlyKeys("a/b", "build-number");
        assertThat(ExportDocument.read("{\"coffer\":\"parameters\",\"version\":1,\"parameters\":[" + named("/x") + "]}", true).root())
                .isEqualTo("/");
    }

    @Test
    void everyEntryCofferCannotUseIsRejectedAtOnceWithItsReason() {
        ExportDocument.Contents read = ExportDocument.read(document("/apps",
                "{\"type\":\"String\",\"value\":\"no name\"}",
                named("/apps/../prod/key"),
                named("/apps/twice"), named("/apps/twice"),
                "{\"name\":\"/apps/token\",\"type\":\"String\",\"value\":\"x\",\"secure\":true}",
                "{\"name\":\"/apps/tier\",\"type\":\"String\",\"value\":\"x\",\"tier\":\"Premium\"}",
                named("/apps/has space"),
                named("/apps/fine")), true);

        assertThat(read.parameters()).containsOnlyKeys("twice", "fine");
        assertThat(read.rejected()).extracting(Rejected::toString).containsExactly(
                "entry 1: no name.",
                "/apps/../prod/key: the name has a \".\" or \"..\" level; Coffer never names a parameter by a relative path.",
                "/apps/twice: listed more than once in the file; only the first is used.",
                "/apps/token: marked secure in the file but typed String; a secure entry is never used as String.",
                "/apps/tier: " + dev.coffer.parameters.ParameterRules.checkNames("String", "Premium", "text").get(0).message(),
                "/apps/has space: " + dev.coffer.parameters.ParameterRules.checkName("/apps/has space").get(0).message());
    }

    @Test
    void whatIsNotAnExportIsRefusedSayingWhereWithoutQuotingIt() {
        assertThatThrownBy(() -> ExportDocument.read("{}", true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Coffer");
        assertThatThrownBy(() -> ExportDocument.read("{\"coffer\":\"parameters\",\"version\":2,\"parameters\":[]}", true))
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> ExportDocument.read("{\"coffer\":\"parameters\",\n\"version\": canary-77}", true))
                .hasMessageContaining("line 2").hasMessageNotContaining("canary");
    }
}
