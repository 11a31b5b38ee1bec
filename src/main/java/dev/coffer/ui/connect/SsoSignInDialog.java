package dev.coffer.ui.connect;

import dev.coffer.auth.sso.Cancellation;
import dev.coffer.auth.sso.DeviceCode;
import dev.coffer.auth.sso.SsoLogin;
import dev.coffer.aws.AwsErrors;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.ClipboardGuard;
import dev.coffer.ui.kit.Windows;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Signs in to IAM Identity Center as {@code aws sso login} does: shows the code and the
 * verification page, opens the browser, waits (with progress) while the user approves, and stops
 * at once on Cancel. The sign-in itself runs in the background through {@link SsoLogin}.
 */
public final class SsoSignInDialog {

    private final Stage stage = new Stage();
    private final SsoLogin login;
    private final Background background;
    private final Consumer<String> browser;
    private final Runnable onSignedIn;
    private final Cancellation cancellation = new Cancellation();
    private final ClipboardGuard clipboard = new ClipboardGuard();

    private final Label code = new Label("…");
    private final Hyperlink link = new Hyperlink();
    private final Button openBrowser = new Button("Open browser");
    private final Button copyCode = new Button("Copy code");
    private final Button copyLink = new Button("Copy link");
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label status = new Label("Contacting IAM Identity Center…");
    private final Button tryAgain = new Button("Try again");
    private final Button cancel = new Button("Cancel");
    private DeviceCode shown;
    private boolean done;

    /**
     * @param what       what is signed in to, for the header (profile and sso-session)
     * @param browser    opens a URL in the system browser
     * @param onSignedIn runs on the FX thread once the token is cached
     */
    public SsoSignInDialog(Window owner, String what, SsoLogin login, Background background, Consumer<String> browser,
                           Runnable onSignedIn) {
        this.login = login;
        this.background = background;
        this.browser = browser;
        this.onSignedIn = onSignedIn;

        Label title = new Label("Sign in to IAM Identity Center");
        title.getStyleClass().add("title-3");
        Label detail = new Label(what + "\n" + login.config().label());
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.getStyleClass().add("text-muted");

        Label step = new Label("Confirm that your browser shows this code, then choose Allow:");
        step.setWrapText(true);
        code.setId("ssoUserCode");
        code.getStyleClass().add("sso-user-code");
        copyCode.setId("ssoCopyCode");
        copyCode.setOnAction(e -> copy(shown == null ? null : shown.userCode(), "Code copied."));
        HBox codeRow = new HBox(12, code, copyCode);
        codeRow.setAlignment(Pos.CENTER_LEFT);

        link.setId("ssoVerificationUrl");
        link.setOnAction(e -> open());
        openBrowser.setId("ssoOpenBrowser");
        openBrowser.setDefaultButton(true);
        openBrowser.setOnAction(e -> open());
        copyLink.setId("ssoCopyLink");
        copyLink.setOnAction(e -> copy(shown == null ? null : shown.verificationUriComplete(), "Link copied."));
        HBox linkRow = new HBox(8, openBrowser, copyLink);

        progress.setPrefSize(22, 22);
        progress.setId("ssoProgress");
        status.setId("ssoStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox statusRow = new HBox(10, progress, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        tryAgain.setId("ssoTryAgain");
        tryAgain.setVisible(false);
        tryAgain.managedProperty().bind(tryAgain.visibleProperty());
        tryAgain.setOnAction(e -> begin());
        cancel.setId("ssoCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> cancel());
        ButtonBar.setButtonData(tryAgain, ButtonBar.ButtonData.OTHER);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().addAll(tryAgain, cancel);

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        VBox root = new VBox(12, title, detail, step, codeRow, link, linkRow, statusRow, spacer, buttons);
        root.setPadding(new Insets(18));
        root.setPrefWidth(520);
        root.getStyleClass().add("sso-sign-in");

        Windows.window(stage, owner, "Sign in — IAM Identity Center", true, root, -1, -1).getScene().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancel();
            }
        });
        stage.setOnCloseRequest(e -> cancel());
        setCodeVisible(false);
    }

    /** Shows the dialog and starts signing in. */
    public void show() {
        stage.show();
        begin();
    }

    private void begin() {
        tryAgain.setVisible(false);
        tryAgain.setDefaultButton(false);
        openBrowser.setDefaultButton(true);
        progress.setVisible(true);
        status.getStyleClass().remove("danger-text");
        status.setText("Contacting IAM Identity Center…");
        Cancellation current = cancellation;
        background.run(login::start, started -> {
            if (current.isCancelled()) {
                return;
            }
            shown = started;
            code.setText(started.userCode());
            link.setText(started.verificationUri());
            setCodeVisible(true);
            status.setText("Waiting for you to approve the sign-in in your browser…");
            open();
            background.run(() -> login.complete(started, current), token -> finish(), this::failed);
        }, this::failed);
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        stage.close();
        onSignedIn.run();
    }

    private void failed(Throwable error) {
        if (done || cancellation.isCancelled()) {
            return;
        }
        progress.setVisible(false);
        status.getStyleClass().add("danger-text");
        status.setText(AwsErrors.explain(error).text());
        // A long reason must not push the buttons out of the window.
        stage.sizeToScene();
        // The code is spent: only a new attempt helps.
        setCodeVisible(false);
        tryAgain.setVisible(true);
        openBrowser.setDefaultButton(false);
        tryAgain.setDefaultButton(true);
        tryAgain.requestFocus();
    }

    private void cancel() {
        cancellation.cancel();
        done = true;
        stage.close();
    }

    private void open() {
        if (shown != null) {
            browser.accept(shown.verificationUriComplete());
        }
    }

    private void copy(String text, String confirmation) {
        if (text != null) {
            clipboard.copy(text);
            status.setText(confirmation + " Waiting for you to approve the sign-in in your browser…");
        }
    }

    private void setCodeVisible(boolean visible) {
        for (javafx.scene.Node n : new javafx.scene.Node[] {copyCode, openBrowser, copyLink}) {
            n.setDisable(!visible);
        }
    }
}
