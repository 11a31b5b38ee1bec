package dev.coffer.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.auth.ProfileInfo;
import dev.coffer.aws.Connection;
import dev.coffer.ui.connect.ConnectViewModel.Choice;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Connect dialog's choices, validation and audit mode, without a window. */
class ConnectViewModelTest {

    private static final ProfileInfo DEV = new ProfileInfo("dev", ProfileInfo.Kind.STATIC_KEYS, Optional.of("eu-west-1"),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    private static final ProfileInfo LOCAL = new ProfileInfo("local", ProfileInfo.Kind.STATIC_KEYS, Optional.empty(),
            Optional.of("http://localhost:4566"), Optional.empty(), Optional.empty(), Optional.empty());

    private static Choice choice(ConnectViewModel model, String title) {
        return model.choices().stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void offersTheSandboxEveryProfileAndACustomEndpointAndStartsFromTheCurrentConnection() {
        ConnectViewModel model = new ConnectViewModel(List.of(DEV, LOCAL), Connection.profile("local", "us-west-2", null, false), true);
        assertThat(model.choices()).extracting(Choice::title).containsExactly(Connection.SANDBOX_NAME, "dev", "local", "Custom endpoint");
        assertThat(model.choices()).extracting(Choice::detail).contains("access keys · eu-west-1", "access keys · http://localhost:4566");
        assertThat(model.choiceProperty().get().title()).isEqualTo("local");
        assertThat(model.regionProperty().get()).isEqualTo("us-west-2");
        assertThat(model.endpointPromptProperty().get()).isEqualTo("http://localhost:4566 (from the profile)");
        assertThat(model.auditModeProperty().get()).isFalse();

        assertThat(new ConnectViewModel(List.of(DEV), null, false).choices()).extracting(Choice::title).containsExactly("dev", "Custom endpoint");
    }

    @Test
    void choosingAProfileTakesItsRegionAndTheSandboxNeedsNoEndpoint() {
        ConnectViewModel model = new ConnectViewModel(List.of(DEV, LOCAL), null, true);
        model.choiceProperty().set(choice(model, "dev"));
        assertThat(model.regionProperty().get()).isEqualTo("eu-west-1");
        assertThat(model.result()).contains(Connection.profile("dev", "eu-west-1", null, false));

        model.endpointProperty().set("http://127.0.0.1:5000");
        model.choiceProperty().set(choice(model, Connection.SANDBOX_NAME));
        assertThat(model.endpointProperty().get()).isEmpty();
        assertThat(model.endpointDisabledProperty().get()).isTrue();
        assertThat(model.result()).contains(Connection.sandbox(false));
    }

    @Test
    void aCustomEndpointNeedsAnHttpUrlWithAHostAndSaysWhatIsWrong() {
        ConnectViewModel model = new ConnectViewModel(List.of(DEV), null, false);
        model.choiceProperty().set(choice(model, "Custom endpoint"));
        assertThat(model.problemProperty().get()).isEqualTo("A custom endpoint needs its URL, for example http://localhost:4566.");
        assertThat(model.result()).isEmpty();

        model.endpointProperty().set("ftp://example.com");
        assertThat(model.problemProperty().get()).isEqualTo("The endpoint must be an http:// or https:// URL with a host.");
        model.endpointProperty().set("http://bad host");
        assertThat(model.problemProperty().get()).isEqualTo("The endpoint is not a valid URL.");

        model.endpointProperty().set(" http://127.0.0.1:5000 ");
        model.regionProperty().set("ap-south-2");
        model.auditModeProperty().set(true);
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.result()).contains(Connection.endpoint(URI.create("http://127.0.0.1:5000"), "ap-south-2", true));
    }

    @Test
    void aConnectionLastOpenedInAuditModeIsOfferedInAuditModeAgain() {
        ConnectViewModel model = new ConnectViewModel(List.of(DEV, LOCAL), Connection.profile("dev", "eu-west-1", null, false), true);
        model.rememberAuditModes(c -> "local".equals(c.profile()));
        model.choiceProperty().set(choice(model, "local"));
        assertThat(model.auditModeProperty().get()).isTrue();
        // The user may untick it.
        model.auditModeProperty().set(false);
        assertThat(model.result().orElseThrow().readOnly()).isFalse();
        model.choiceProperty().set(choice(model, "dev"));
        assertThat(model.auditModeProperty().get()).isFalse();
        assertThat(model.auditLockedProperty().get()).isFalse();
    }

    @Test
    void aLockedAuditModeStaysTickedWhateverIsChosen() {
        ConnectViewModel model = new ConnectViewModel(List.of(DEV, LOCAL), Connection.profile("dev", "eu-west-1", null, true), true);
        model.lockAuditMode("This window is in audit mode, which it keeps.");
        assertThat(model.auditLockedProperty().get()).isTrue();
        assertThat(model.auditLockedReasonProperty().get()).isEqualTo("This window is in audit mode, which it keeps.");
        for (Choice c : model.choices()) {
            model.choiceProperty().set(c);
            model.endpointProperty().set(c.profile().isEmpty() && !c.sandbox() ? "http://127.0.0.1:5000" : "");
            assertThat(model.auditModeProperty().get()).as(c.title()).isTrue();
            assertThat(model.result().orElseThrow().readOnly()).as(c.title()).isTrue();
        }
    }

    @Test
    void aPreferredAuditModeIsTickedAgainForEveryChoiceButCanBeUnticked() {
        ConnectViewModel model = new ConnectViewModel(List.of(DEV, LOCAL), null, false);
        model.preferAuditMode();
        assertThat(model.auditModeProperty().get()).isTrue();
        model.auditModeProperty().set(false);
        model.choiceProperty().set(choice(model, "local"));
        assertThat(model.auditModeProperty().get()).isTrue();
        assertThat(model.auditLockedProperty().get()).isFalse();
    }
}
