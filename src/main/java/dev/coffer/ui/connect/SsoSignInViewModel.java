package dev.coffer.ui.connect;

import dev.coffer.auth.sso.Cancellation;
import dev.coffer.auth.sso.DeviceCode;
import dev.coffer.auth.sso.SsoLogin;
import dev.coffer.aws.AwsErrors;
import dev.coffer.ui.kit.Background;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Signing in to IAM Identity Center as {@code aws sso login} does: the code and the verification
 * page to show, the browser to open, waiting while the user approves, and stopping at once on
 * Cancel. The sign-in itself runs in the background through {@link SsoLogin}.
 */
public final class SsoSignInViewModel {

    static final String CONTACTING = "Contacting IAM Identity Center…";
    static final String WAITING = "Waiting for you to approve the sign-in in your browser…";

    private final String what;
    private final SsoLogin login;
    private final Background background;
    private final Consumer<String> browser;
    private final Runnable onSignedIn;
    private final Cancellation cancellation = new Cancellation();

    private final StringProperty userCode = new SimpleStringProperty("…");
    private final StringProperty verificationUri = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty(CONTACTING);
    private final BooleanProperty waiting = new SimpleBooleanProperty();
    private final BooleanProperty failed = new SimpleBooleanProperty();
    private final BooleanProperty codeShown = new SimpleBooleanProperty();
    private final BooleanProperty closed = new SimpleBooleanProperty();
    private DeviceCode shown;

    /**
     * @param what       what is signed in to, for the header (profile and sso-session)
     * @param browser    opens a URL in the system browser
     * @param onSignedIn runs on the UI thread once the token is cached
     */
    public SsoSignInViewModel(String what, SsoLogin login, Background background, Consumer<String> browser, Runnable onSignedIn) {
        this.what = what;
        this.login = login;
        this.background = background;
        this.browser = browser;
        this.onSignedIn = onSignedIn;
    }

    /** The header's detail: what is signed in to, and the sso-session. */
    public String detail() {
        return what + "\n" + login.config().label();
    }

    /** Starts (or, after a failure, starts again) signing in. */
    public void begin() {
        failed.set(false);
        waiting.set(true);
        status.set(CONTACTING);
        background.run(login::start, started -> {
            if (cancellation.isCancelled()) {
                return;
            }
            shown = started;
            userCode.set(started.userCode());
            verificationUri.set(started.verificationUri());
            codeShown.set(true);
            status.set(WAITING);
            openBrowser();
            background.run(() -> login.complete(started, cancellation), token -> finish(), this::fail);
        }, this::fail);
    }

    private void finish() {
        if (closed.get()) {
            return;
        }
        closed.set(true);
        onSignedIn.run();
    }

    private void fail(Throwable error) {
        if (closed.get() || cancellation.isCancelled()) {
            return;
        }
        waiting.set(false);
        status.set(AwsErrors.explain(error).text());
        // The code is spent: only a new attempt helps.
        codeShown.set(false);
        failed.set(true);
    }

    /** Cancel, Esc or closing the window: polling stops at once. */
    public void cancel() {
        cancellation.cancel();
        closed.set(true);
    }

    public void openBrowser() {
        if (shown != null) {
            browser.accept(shown.verificationUriComplete());
        }
    }

    /** The code to copy, once one is shown. */
    public Optional<String> codeToCopy() {
        return Optional.ofNullable(shown).map(DeviceCode::userCode);
    }

    /** The link to copy, once one is shown. */
    public Optional<String> linkToCopy() {
        return Optional.ofNullable(shown).map(DeviceCode::verificationUriComplete);
    }

    /** After the code or the link was copied: says so, and that Coffer still waits. */
    public void copied(String confirmation) {
        status.set(confirmation + " " + WAITING);
    }

    public ReadOnlyStringProperty userCodeProperty() {
        return userCode;
    }

    public ReadOnlyStringProperty verificationUriProperty() {
        return verificationUri;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** True while the sign-in runs: the progress shows. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting;
    }

    /** True when the sign-in failed: the status is an error and Try again is offered. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    /** True while a code is shown that the user can still use: open and copy work. */
    public ReadOnlyBooleanProperty codeShownProperty() {
        return codeShown;
    }

    /** True once signed in or cancelled: the window closes. */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed;
    }
}
