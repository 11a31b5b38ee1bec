package dev.coffer.parameters.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.aws.ClientFactory;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.sandbox.MotoServer;
import dev.coffer.testsupport.Moto;
import dev.coffer.testsupport.SameThreadBackground;
import dev.coffer.testsupport.WithMoto;
import dev.coffer.ui.kit.Background;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;

/** Copying and moving parameters and folders through the view model, against moto, without a window. */
@WithMoto
class CopyParametersViewModelIT {

    private static ClientFactory clients;
    private static ParameterStore parameters;
    private final Background background = new SameThreadBackground();

    @BeforeAll
    static void seed(MotoServer moto) {
        clients = Moto.clients(moto, false);
        parameters = new ParameterStore(clients);
        put("/copy/billing/url", "https://billing.example.com", ParameterType.STRING, "Billing endpoint");
        put("/copy/billing/db/password", "billing-pw-1", ParameterType.SECURE_STRING, "Billing database password");
        put("/copy/billing/regions", "eu-west-1,us-east-1", ParameterType.STRING_LIST, "Regions billed");
        for (String name : List.of("/copy/billing/url", "/copy/billing/db/password")) {
            clients.ssm().addTagsToResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name)
                    .tags(t -> t.key("Team").value("billing"), t -> t.key("Env").value("prod")));
        }
        put("/move/legacy/api/url", "https://api.example.com", ParameterType.STRING, "API endpoint");
        put("/move/legacy/api/timeout", "30", ParameterType.STRING, "");
        put("/move/legacy/maintenance", "false", ParameterType.STRING, "");
        put("/move/modern/maintenance", "true", ParameterType.STRING, "");
        put("/one/endpoint", "https://one.example.com", ParameterType.STRING, "One endpoint");
        put("/race/a", "a", ParameterType.STRING, "");
        put("/race/b", "b", ParameterType.STRING, "");
        put("/race/c", "c", ParameterType.STRING, "");
    }

    @AfterAll
    static void close() {
        clients.close();
    }

    private static void put(String name, String value, ParameterType type, String description) {
        clients.ssm().putParameter(b -> {
            b.name(name).value(value).type(type).overwrite(true);
            if (!description.isEmpty()) {
                b.description(description);
            }
        });
    }

    private static boolean exists(String name) {
        return parameters.describe(name).isPresent();
    }

    private static ParameterMetadata metadata(String name) {
        return clients.ssm().describeParameters(b -> b.parameterFilters(f -> f.key("Name").option("Equals").values(name)))
                .parameters().get(0);
    }

    private static String value(String name) {
        return parameters.value(name).reveal();
    }

    private static Map<String, String> tags(String name) {
        return parameters.tags(name).stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }

    private static Parameter parameter(String name) {
        return parameters.describe(name).orElseThrow();
    }

    @Test
    void aFolderIsListedFromAwsAndCopiedWithTypesValuesDescriptionsAndTags() {
        CopyParametersViewModel model = CopyParametersViewModel.folder(background, parameters, "/copy/billing");
        assertThat(model.isFolder()).isTrue();
        assertThat(model.targetProperty().get()).as("a free name is proposed").isEqualTo("/copy/billing-copy");

        model.targetProperty().set("/copy/invoicing/");

        assertThat(model.preview()).extracting(CopyParametersViewModel.Row::to)
                .containsExactly("/copy/invoicing/db/password", "/copy/invoicing/regions", "/copy/invoicing/url");
        assertThat(model.checkedProperty().get()).as("the new names were looked up").isTrue();
        assertThat(model.existing()).isEmpty();
        assertThat(model.preview()).noneMatch(CopyParametersViewModel.Row::exists);
        assertThat(model.canRun().get()).isTrue();

        List<CopyParametersViewModel.Copied> changed = new ArrayList<>();
        model.run(changed::add);

        assertThat(model.messageProperty().get()).isEqualTo("Copied 3 parameters to /copy/invoicing.");
        assertThat(model.doneProperty().get()).isTrue();
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.canRun().get()).as("a copy runs once").isFalse();
        assertThat(changed).singleElement().satisfies(c -> {
            assertThat(c.created()).containsExactlyInAnyOrder("/copy/invoicing/db/password", "/copy/invoicing/regions", "/copy/invoicing/url");
            assertThat(c.removed()).isEmpty();
        });
        for (String from : List.of("/copy/billing/url", "/copy/billing/db/password", "/copy/billing/regions")) {
            String to = "/copy/invoicing" + from.substring("/copy/billing".length());
            assertThat(exists(from)).as(from).isTrue();
            assertThat(metadata(to).type()).as(to).isEqualTo(metadata(from).type());
            assertThat(metadata(to).description()).as(to).isEqualTo(metadata(from).description());
            assertThat(value(to)).as(to).isEqualTo(value(from));
            assertThat(tags(to)).as(to).isEqualTo(tags(from));
        }
        assertThat(tags("/copy/invoicing/url")).containsEntry("Team", "billing");
    }

    @Test
    void aMoveOverwritesAnExistingNameOnlyAfterTheTickAndDeletesTheOldNames() {
        CopyParametersViewModel model = CopyParametersViewModel.folder(background, parameters, "/move/legacy");
        model.moveProperty().set(true);
        model.targetProperty().set("/move/modern");

        assertThat(model.existing()).containsExactly("/move/modern/maintenance");
        assertThat(model.preview()).filteredOn(CopyParametersViewModel.Row::exists).extracting(CopyParametersViewModel.Row::to)
                .containsExactly("/move/modern/maintenance");
        assertThat(model.canRun().get()).as("not before the tick").isFalse();
        model.overwriteProperty().set(true);
        assertThat(model.canRun().get()).isTrue();

        model.targetProperty().set("/move/modern/");
        assertThat(model.overwriteProperty().get()).as("a new target needs a new tick").isFalse();
        assertThat(model.canRun().get()).isFalse();
        model.overwriteProperty().set(true);

        List<CopyParametersViewModel.Copied> changed = new ArrayList<>();
        model.run(changed::add);

        assertThat(model.messageProperty().get()).isEqualTo("Moved 3 parameters to /move/modern.");
        assertThat(value("/move/modern/api/url")).isEqualTo("https://api.example.com");
        assertThat(metadata("/move/modern/api/url").description()).isEqualTo("API endpoint");
        assertThat(value("/move/modern/api/timeout")).isEqualTo("30");
        assertThat(value("/move/modern/maintenance")).isEqualTo("false");
        for (String old : List.of("/move/legacy/api/url", "/move/legacy/api/timeout", "/move/legacy/maintenance")) {
            assertThat(exists(old)).as(old).isFalse();
        }
        assertThat(changed).singleElement().satisfies(c -> assertThat(c.removed())
                .containsExactlyInAnyOrder("/move/legacy/api/url", "/move/legacy/api/timeout", "/move/legacy/maintenance"));
    }

    @Test
    void oneParameterGetsANewNameAndTheTypedNameIsChecked() {
        CopyParametersViewModel model = CopyParametersViewModel.parameter(background, parameters, parameter("/one/endpoint"));
        assertThat(model.isFolder()).isFalse();
        assertThat(model.targetProperty().get()).isEqualTo("/one/endpoint-copy");
        assertThat(model.preview()).containsExactly(new CopyParametersViewModel.Row("/one/endpoint", "/one/endpoint-copy", false));

        model.targetProperty().set("  ");
        assertThat(model.problemsProperty().get()).isEqualTo("Type the new name.");
        assertThat(model.preview()).isEmpty();
        assertThat(model.canRun().get()).isFalse();

        model.targetProperty().set("/one/endpoint");
        assertThat(model.problemsProperty().get()).contains("would be copied onto itself");
        assertThat(model.canRun().get()).isFalse();

        model.targetProperty().set("/one/bad name!");
        assertThat(model.problemsProperty().get()).startsWith("/one/bad name!: ");
        assertThat(model.canRun().get()).isFalse();

        model.targetProperty().set("/one/endpoint-v2");
        assertThat(model.problemsProperty().get()).isEmpty();
        model.run(copied -> { });
        assertThat(model.messageProperty().get()).isEqualTo("Copied 1 parameter to /one/endpoint-v2.");
        assertThat(metadata("/one/endpoint-v2").description()).isEqualTo("One endpoint");
        assertThat(exists("/one/endpoint")).isTrue();
    }

    @Test
    void anEmptyFolderHasNothingToCopy() {
        CopyParametersViewModel model = CopyParametersViewModel.folder(background, parameters, "/nothing/here");
        model.targetProperty().set("/nothing/there");

        assertThat(model.messageProperty().get()).isEqualTo("There is nothing in /nothing/here to copy.");
        assertThat(model.preview()).isEmpty();
        assertThat(model.canRun().get()).isFalse();
    }

    @Test
    void aNameCreatedByOthersDuringTheCopyStopsItAndTheTreeStillLearnsWhatWasCopied() {
        // The second put of the copy finds its new name taken: someone created it after the names were checked.
        Background racing = new RacingBackground(() -> put("/raced/b", "someone else's", ParameterType.STRING, ""));
        CopyParametersViewModel model = CopyParametersViewModel.folder(racing, parameters, "/race");
        model.targetProperty().set("/raced");
        assertThat(model.canRun().get()).isTrue();

        List<CopyParametersViewModel.Copied> changed = new ArrayList<>();
        model.run(changed::add);

        assertThat(model.messageProperty().get()).startsWith("Copied 1 parameter, then /race/b → /raced/b failed; nothing was deleted.");
        assertThat(model.doneProperty().get()).isTrue();
        assertThat(changed).singleElement().satisfies(c -> {
            assertThat(c.created()).containsExactly("/raced/a");
            assertThat(c.removed()).isEmpty();
        });
        assertThat(value("/raced/b")).isEqualTo("someone else's");
        assertThat(exists("/raced/c")).isFalse();
    }

    @Test
    void namesTakenAfterTheCheckAreShownAndNeedTheTick() {
        CopyParametersViewModel model = CopyParametersViewModel.parameter(background, parameters, parameter("/race/c"));
        model.targetProperty().set("/late/c");
        assertThat(model.existing()).isEmpty();
        put("/late/c", "created meanwhile", ParameterType.STRING, "");

        model.run(copied -> { });

        assertThat(model.messageProperty().get()).startsWith("1 target already exists: /late/c.");
        assertThat(model.existing()).containsExactly("/late/c");
        assertThat(model.overwriteProperty().get()).isFalse();
        assertThat(model.canRun().get()).isFalse();
        assertThat(value("/late/c")).isEqualTo("created meanwhile");
    }

    /** Runs like {@link SameThreadBackground}, and runs {@code meddle} once, when the first copy is reported. */
    private static final class RacingBackground implements Background {
        private final SameThreadBackground same = new SameThreadBackground();
        private Runnable meddle;

        RacingBackground(Runnable meddle) {
            this.meddle = meddle;
        }

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            same.run(work, onSuccess, onError);
        }

        @Override
        public void execute(Runnable work) {
            same.execute(work);
        }

        @Override
        public void later(Runnable uiWork) {
            same.later(uiWork);
            if (meddle != null) {
                Runnable once = meddle;
                meddle = null;
                once.run();
            }
        }

        @Override
        public void after(Duration delay, Runnable uiWork) {
            same.after(delay, uiWork);
        }

        @Override
        public void shutdown() {
        }
    }
}
