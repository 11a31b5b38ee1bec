package dev.coffer.ui.connect;

import dev.coffer.ui.kit.ClipboardGuard;
import dev.coffer.ui.kit.Screen;
import dev.coffer.ui.kit.Windows;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Binds the sign-in window to its {@link SsoSignInViewModel}. */
public final class SsoSignInController {

    private final ClipboardGuard clipboard = new ClipboardGuard();
    private SsoSignInViewModel model;
    private Stage stage;

    @FXML
    private VBox root;
    @FXML
    private Label ssoDetail;
    @FXML
    private Label ssoUserCode;
    @FXML
    private Button ssoCopyCode;
    @FXML
    private Hyperlink ssoVerificationUrl;
    @FXML
    private Button ssoOpenBrowser;
    @FXML
    private Button ssoCopyLink;
    @FXML
    private ProgressIndicator ssoProgress;
    @FXML
    private Label ssoStatus;
    @FXML
    private Button ssoTryAgain;

    /** Opens the sign-in window over {@code owner} and starts signing in. */
    public static void open(Window owner, SsoSignInViewModel model) {
        Windows.open(owner, Screen.SSO_SIGN_IN, "Sign in — IAM Identity Center", true,
                (SsoSignInController c, Stage stage) -> c.init(model, stage));
        model.begin();
    }

    void init(SsoSignInViewModel model, Stage stage) {
        this.model = model;
        this.stage = stage;
        ssoDetail.setText(model.detail());
        ssoUserCode.textProperty().bind(model.userCodeProperty());
        ssoVerificationUrl.textProperty().bind(model.verificationUriProperty());
        ssoStatus.textProperty().bind(model.statusProperty());
        ssoProgress.visibleProperty().bind(model.waitingProperty());
        for (Button b : new Button[] {ssoCopyCode, ssoOpenBrowser, ssoCopyLink}) {
            b.disableProperty().bind(model.codeShownProperty().not());
        }
        ssoTryAgain.visibleProperty().bind(model.failedProperty());
        ssoTryAgain.managedProperty().bind(ssoTryAgain.visibleProperty());
        ssoTryAgain.defaultButtonProperty().bind(model.failedProperty());
        ssoOpenBrowser.defaultButtonProperty().bind(model.failedProperty().not());
        model.failedProperty().addListener((obs, was, failed) -> {
            ssoStatus.getStyleClass().remove("danger-text");
            if (failed) {
                ssoStatus.getStyleClass().add("danger-text");
                // A long reason must not push the buttons out of the window.
                stage.sizeToScene();
                ssoTryAgain.requestFocus();
            }
        });
        model.closedProperty().addListener((obs, was, closed) -> {
            if (closed) {
                stage.close();
            }
        });
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.cancel();
            }
        });
        stage.setOnCloseRequest(e -> model.cancel());
    }

    @FXML
    private void onOpenBrowser() {
        model.openBrowser();
    }

    @FXML
    private void onCopyCode() {
        copy(model.codeToCopy(), "Code copied.");
    }

    @FXML
    private void onCopyLink() {
        copy(model.linkToCopy(), "Link copied.");
    }

    private void copy(Optional<String> text, String confirmation) {
        text.ifPresent(t -> {
            clipboard.copy(t);
            model.copied(confirmation);
        });
    }

    @FXML
    private void onTryAgain() {
        model.begin();
    }

    @FXML
    private void onCancel() {
        model.cancel();
    }
}
