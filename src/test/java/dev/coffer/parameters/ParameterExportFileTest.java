package dev.coffer.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Moving an export document to another folder before importing it. */
class ParameterExportFileTest {

    private static String document(String path, String... names) {
        StringBuilder json = new StringBuilder("{\"coffer\":\"parameters\",\"version\":1,\"path\":\"" + path + "\",\"parameters\":[");
        for (int i = 0; i < names.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(names[i]).append("\",\"type\":\"String\",\"value\":\"v\"}");
        }
        return json.append("]}").toString();
    }

    private static List<String> names(String json) {
        return ParameterExportFile.read(json).stream().map(ParameterExportFile.Entry::name).toList();
    }

    @Test
    void movesTheNamesUnderTheExportedFolderAndKeepsOthers() {
        String moved = ParameterImport.moveExport(document("/apps/billing", "/apps/billing/url", "/apps/billing/db/host",
                "/apps/billing-old/url", "/other/x"), "/apps/invoicing/");
        assertThat(names(moved)).containsExactly("/apps/invoicing/url", "/apps/invoicing/db/host", "/apps/billing-old/url", "/other/x");
        assertThat(ParameterImport.exportedFolder(moved)).isEqualTo("/apps/invoicing");
    }

    @Test
    void movesARootExportIntoAFolderAndAFolderToTheRoot() {
        assertThat(names(ParameterImport.moveExport(document("/", "/a/b", "build-number"), "/restored")))
                .containsExactly("/restored/a/b", "/restored/build-number");
        assertThat(names(ParameterImport.moveExport(document("/apps/billing", "/apps/billing/url"), "/"))).containsExactly("/url");
    }

    @Test
    void theSameFolderChangesNothing() {
        String json = document("/apps/billing", "/apps/billing/url");
        assertThat(ParameterImport.moveExport(json, "/apps/billing/")).isSameAs(json);
        assertThat(ParameterImport.exportedFolder(json)).isEqualTo("/apps/billing");
    }

    @Test
    void refusesWhatIsNotAnExport() {
        assertThatThrownBy(() -> ParameterImport.moveExport("{}", "/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Coffer");
    }
}
