package dev.coffer.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coffer.aws.ClientFactory;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.testsupport.proxy.AwsProxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import preview checks every entry against Coffer's rules before asking AWS anything about it. */
@WithMoto
class ImportPreviewChecksFirstIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FOLDER = "/import-checks";

    @Test
    void aFileOfInvalidNamesCostsNoAwsCallAndEveryProblemIsReported(MotoServer moto) throws Exception {
        // Five ways to break AWS's name rules, 400 names each.
        String[] ways = {"has space %d", "hash#%d", "empty//level-%d", "ends-with-slash-%d/", "x".repeat(1100) + "%d"};
        ObjectNode doc = document();
        ArrayNode list = (ArrayNode) doc.path("parameters");
        for (int i = 0; i < 2000; i++) {
            entry(list, FOLDER + "/" + String.format(ways[i % ways.length], i));
        }
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false)) {
            ImportPlan plan = new ParameterImport(new ParameterStore(clients)).plan(JSON.writeValueAsString(doc), FOLDER);

            assertThat(plan.creates()).isEmpty();
            assertThat(plan.updates()).isEmpty();
            assertThat(plan.skipped()).hasSize(2000);
            assertThat(plan.skipped()).filteredOn(s -> s.contains("Names can't contain spaces")).hasSize(400);
            assertThat(plan.skipped()).filteredOn(s -> s.contains("Name contains") && !s.contains("spaces")).hasSize(400);
            assertThat(plan.skipped()).filteredOn(s -> s.contains("empty level")).hasSize(400);
            assertThat(plan.skipped()).filteredOn(s -> s.contains("can't end with '/'")).hasSize(400);
            assertThat(plan.skipped()).filteredOn(s -> s.contains("AWS allows at most 1,011")).hasSize(400);
            assertThat(proxy.requests()).as("AWS calls").isEmpty();
            assertThat(clients.calls().snapshot()).isEmpty();
        }
    }

    @Test
    void anOverLongNameIsReportedByCofferAndTheOthersAreStillPlanned(MotoServer moto) throws Exception {
        String longName = FOLDER + "/" + "x".repeat(1100);
        ObjectNode doc = document();
        ArrayNode list = (ArrayNode) doc.path("parameters");
        for (String name : List.of(FOLDER + "/one", longName, FOLDER + "/two", FOLDER + "/three")) {
            entry(list, name);
        }
        try (AwsProxy proxy = AwsProxy.start(moto.endpoint()); ClientFactory clients = proxy.clients(false)) {
            ImportPlan plan = new ParameterImport(new ParameterStore(clients)).plan(JSON.writeValueAsString(doc), FOLDER);

            assertThat(plan.creates()).extracting(ImportPlan.ImportItem::name)
                    .containsExactly(FOLDER + "/one", FOLDER + "/two", FOLDER + "/three");
            assertThat(plan.skipped()).singleElement().asString()
                    .startsWith(longName + ": Name is " + String.format("%,d", longName.length()) + " characters; AWS allows at most 1,011.");
            assertThat(proxy.requests("DescribeParameters")).as("the three valid names in one call").isEqualTo(1);
        }
    }

    private static ObjectNode document() {
        ObjectNode doc = JSON.createObjectNode().put("coffer", "parameters").put("version", 1).put("path", FOLDER);
        doc.putArray("parameters");
        return doc;
    }

    private static void entry(ArrayNode list, String name) {
        list.addObject().put("name", name).put("type", "String").put("value", "v").put("tier", "Standard").put("dataType", "text");
    }
}
