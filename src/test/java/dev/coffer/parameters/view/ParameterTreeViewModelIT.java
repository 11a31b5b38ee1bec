package dev.coffer.parameters.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.WithMoto;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The parameter tree's model, loaded page by page from moto as the window loads it, without a window. */
@WithMoto
class ParameterTreeViewModelIT {

    /** More than a filtered tree opens at once. */
    private static final int MANY = ParameterTreeViewModel.EXPAND_ALL_LIMIT + 1;
    /** Hosts put in moto, enough for a second page; the others are made here. */
    private static final int LISTED_HOSTS = 4;

    private static ClientFactory clients;
    private static ParameterStore parameters;
    /** The pages DescribeParameters gave, as the window receives them. */
    private static final List<List<Parameter>> pages = new ArrayList<>();

    @BeforeAll
    static void seed(MotoServer moto) {
        clients = Moto.clients(moto, false);
        parameters = new ParameterStore(clients);
        for (String name : List.of("/prod/billing/db/host", "/prod/billing/db/port", "/prod/billing/url", "/prod/shop/url",
                "/staging/shop/url", "/staging/shop/feature-flag", "top-level-name")) {
            put(name);
        }
        for (int i = 0; i < LISTED_HOSTS; i++) {
            put("/fleet/host-" + i + "/address");
        }
        parameters.listAll(pages::add, () -> false);
        assertThat(pages).as("moto pages ten at a time").hasSizeGreaterThan(1);
        // The rest of the fleet as one more page: copies of the listed host but for their names, to spare moto 200 puts.
        Parameter host = parameters.describe("/fleet/host-0/address").orElseThrow();
        List<Parameter> fleet = new ArrayList<>();
        for (int i = LISTED_HOSTS; i < MANY; i++) {
            fleet.add(new Parameter("/fleet/host-" + i + "/address", host.type(), host.tier(), host.dataType(), host.version(),
                    host.lastModified(), host.lastModifiedUser(), host.keyId(), host.description(), host.policiesJson()));
        }
        pages.add(fleet);
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private static void put(String name) {
        clients.ssm().putParameter(b -> b.name(name).value("v").type(ParameterType.STRING).overwrite(true));
    }

    private static ParameterTreeViewModel loaded() {
        ParameterTreeViewModel tree = new ParameterTreeViewModel();
        pages.forEach(tree::addPage);
        return tree;
    }

    private static List<String> labels(TreeItem<TreeEntry> row) {
        return row.getChildren().stream().map(child -> child.getValue().label()).toList();
    }

    @Test
    void pagesBuildTheTreeWithFoldersFirstAndCountsThatFollow() {
        ParameterTreeViewModel tree = loaded();
        int all = 7 + MANY;

        assertThat(tree.totalProperty().get()).isEqualTo(all);
        assertThat(tree.shownCountProperty().get()).isEqualTo(all);
        FolderItem root = tree.rootProperty().get();
        assertThat(root.isExpanded()).isTrue();
        assertThat(root.countProperty().get()).isEqualTo(all);
        assertThat(labels(root)).as("folders first, then parameters, each by name").containsExactly("fleet", "prod", "staging", "top-level-name");

        FolderItem prod = (FolderItem) tree.revealFolder("/prod");
        assertThat(prod.countProperty().get()).isEqualTo(4);
        assertThat(labels(prod)).containsExactly("billing", "shop");
        assertThat(tree.reveal("/prod/billing/db/port")).satisfies(row -> {
            assertThat(row.getValue()).isInstanceOf(TreeEntry.ParameterEntry.class);
            assertThat(row.getParent().isExpanded()).as("its folders are opened").isTrue();
        });
        assertThat(tree.reveal("/prod/billing/db/missing")).isNull();
        assertThat(tree.revealFolder("/nowhere")).isNull();
    }

    @Test
    void aPageThatArrivesLaterAddsItsRowsToFoldersAlreadyOpen() {
        ParameterTreeViewModel tree = loaded();
        FolderItem shop = (FolderItem) tree.revealFolder("/staging/shop");
        assertThat(labels(shop)).containsExactly("feature-flag", "url");

        put("/staging/shop/api-key-id");
        tree.addPage(parameters.describeUnder("/staging/shop").stream().filter(p -> p.name().endsWith("api-key-id")).toList());

        assertThat(labels(shop)).containsExactly("api-key-id", "feature-flag", "url");
        assertThat(shop.countProperty().get()).isEqualTo(3);
        assertThat(tree.totalProperty().get()).isEqualTo(8 + MANY);
        clients.ssm().deleteParameter(b -> b.name("/staging/shop/api-key-id"));
    }

    @Test
    void aFilterShowsOnlyMatchesAndOpensEveryFolderWhileThereAreFew() {
        ParameterTreeViewModel tree = loaded();

        tree.filterProperty().set("shop url");

        assertThat(tree.shownCountProperty().get()).isEqualTo(2);
        assertThat(tree.totalProperty().get()).isEqualTo(7 + MANY);
        FolderItem root = tree.rootProperty().get();
        assertThat(labels(root)).containsExactly("prod", "staging");
        assertThat(tree.revealFolder("/prod")).satisfies(prod -> {
            assertThat(prod.isExpanded()).as("few matches: every folder open").isTrue();
            assertThat(labels(prod)).containsExactly("shop");
        });

        tree.filterProperty().set("shop url x");
        assertThat(tree.shownCountProperty().get()).as("typing on narrows").isZero();
        tree.filterProperty().set("shop url");
        assertThat(tree.shownCountProperty().get()).as("Backspace widens again").isEqualTo(2);

        tree.filterProperty().set("  ");
        assertThat(tree.shownCountProperty().get()).isEqualTo(7 + MANY);
        assertThat(labels(tree.rootProperty().get())).containsExactly("fleet", "prod", "staging", "top-level-name");
    }

    @Test
    void manyMatchesLeaveTheFoldersClosed() {
        ParameterTreeViewModel tree = loaded();

        tree.filterProperty().set("host");

        assertThat(tree.shownCountProperty().get()).isEqualTo(MANY + 1);
        TreeItem<TreeEntry> fleet = tree.rootProperty().get().getChildren().get(0);
        assertThat(fleet.getValue().label()).isEqualTo("fleet");
        assertThat(fleet.isExpanded()).isFalse();
    }

    @Test
    void removedParametersLeaveTheTreeAndOpenFoldersStayOpen() {
        ParameterTreeViewModel tree = loaded();
        tree.revealFolder("/prod/billing/db");

        tree.remove(List.of("/prod/billing/db/host", "/prod/billing/db/port", "/staging/shop/feature-flag"));

        assertThat(tree.totalProperty().get()).isEqualTo(4 + MANY);
        assertThat(tree.revealFolder("/prod/billing/db")).as("an emptied folder goes").isNull();
        TreeItem<TreeEntry> billing = tree.revealFolder("/prod/billing");
        assertThat(billing.isExpanded()).isTrue();
        assertThat(labels(billing)).containsExactly("url");
        assertThat(tree.reveal("/staging/shop/feature-flag")).isNull();
        assertThat(tree.tree().find("/staging/shop/url")).isNotNull();
    }

    @Test
    void clearingEmptiesTheTree() {
        ParameterTreeViewModel tree = loaded();

        tree.clear();

        assertThat(tree.totalProperty().get()).isZero();
        assertThat(tree.rootProperty().get().getChildren()).isEmpty();
    }

    @Test
    void aFilterThatOnlyAddsToThePreviousOneNarrowsIt() {
        assertThat(ParameterTreeViewModel.narrows("shop url", "shop")).isTrue();
        assertThat(ParameterTreeViewModel.narrows("shopping", "shop")).isTrue();
        assertThat(ParameterTreeViewModel.narrows("shop", "shop url")).isFalse();
        assertThat(ParameterTreeViewModel.narrows("url", "shop")).isFalse();
    }
}
