package dev.coffer.ui.kit;

import static dev.coffer.testsupport.CofferUi.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A secret value leaves the clipboard when its time is up or Coffer quits; what the user copied since stays. */
class ClipboardGuardTest {

    private final ClipboardGuard guard = new ClipboardGuard();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aSecretIsWipedWhenItsTimeIsUp() {
        onFx(() -> {
            guard.copySecret("short-lived-secret", javafx.util.Duration.millis(200));
            return null;
        });
        assertThat(clipboard()).isEqualTo("short-lived-secret");
        await().atMost(Duration.ofSeconds(10)).until(() -> clipboard().isEmpty());
    }

    @Test
    void aSecretStaysThirtySecondsUnlessTheSiteSetsAnotherPositiveNumber() {
        String before = System.clearProperty(ClipboardGuard.LIFETIME_PROPERTY);
        try {
            assertThat(ClipboardGuard.secretLifetime().toSeconds()).isEqualTo(30);
            System.setProperty(ClipboardGuard.LIFETIME_PROPERTY, "0");
            assertThat(ClipboardGuard.secretLifetime().toSeconds()).isEqualTo(30);
            System.setProperty(ClipboardGuard.LIFETIME_PROPERTY, "ten");
            assertThat(ClipboardGuard.secretLifetime().toSeconds()).isEqualTo(30);
            System.setProperty(ClipboardGuard.LIFETIME_PROPERTY, "10");
            assertThat(ClipboardGuard.secretLifetime().toSeconds()).isEqualTo(10);
        } finally {
            if (before == null) {
                System.clearProperty(ClipboardGuard.LIFETIME_PROPERTY);
            } else {
                System.setProperty(ClipboardGuard.LIFETIME_PROPERTY, before);
            }
        }
    }

    @Test
    void quittingWipesTheSecretButNotWhatWasCopiedSince() {
        onFx(() -> {
            guard.copySecret("secret-on-quit");
            ClipboardGuard.clearSecret();
            return null;
        });
        assertThat(clipboard()).isEmpty();

        onFx(() -> {
            guard.copySecret("secret-then-other");
            guard.copy("the user's own text");
            ClipboardGuard.clearSecret();
            return null;
        });
        assertThat(clipboard()).isEqualTo("the user's own text");
    }

    private static String clipboard() {
        return onFx(() -> Clipboard.getSystemClipboard().hasString() ? Clipboard.getSystemClipboard().getString() : "");
    }
}
