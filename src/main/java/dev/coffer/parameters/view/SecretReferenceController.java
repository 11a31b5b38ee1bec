package dev.coffer.parameters.view;

import dev.coffer.ui.kit.ClipboardGuard;
import dev.coffer.ui.kit.controls.RevealedValueArea;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Secrets Manager reference window. Thin: state lives in {@link SecretReferenceViewModel}. */
public final class SecretReferenceController {

    @FXML private TextField referenceIdField;
    @FXML private Button referenceResolveButton;
    @FXML private Label referencePath;
    @FXML private Label referenceEmpty;
    @FXML private Label referenceMasked;
    @FXML private RevealedValueArea referenceValue;
    @FXML private Button referenceRevealButton;
    @FXML private Button referenceCopyButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label referenceMessage;
    @FXML private Button referenceCloseButton;

    private final ClipboardGuard clipboard = new ClipboardGuard();

    public void init(SecretReferenceViewModel model, Stage stage) {
        referenceIdField.textProperty().bindBidirectional(model.secretIdProperty());
        referencePath.textProperty().bind(model.referenceName());
        referenceResolveButton.disableProperty().bind(model.canResolve().not());
        referenceResolveButton.setOnAction(e -> model.resolve());

        BooleanBinding resolved = model.resolvedProperty().and(model.busyProperty().not());
        BooleanBinding revealed = resolved.and(model.revealedProperty());
        referenceEmpty.visibleProperty().bind(resolved.not());
        referenceMasked.visibleProperty().bind(resolved.and(revealed.not()));
        referenceValue.visibleProperty().bind(revealed);
        referenceValue.textProperty().bind(model.shownValueProperty());
        for (Node n : new Node[] {referenceEmpty, referenceMasked, referenceValue}) {
            n.managedProperty().bind(n.visibleProperty());
        }
        referenceRevealButton.textProperty().bind(Bindings.when(revealed).then("Hide").otherwise("Reveal"));
        referenceRevealButton.graphicProperty().bind(Bindings.when(revealed)
                .then((Node) new FontIcon("mdmz-visibility_off")).otherwise((Node) new FontIcon("mdmz-visibility")));
        referenceRevealButton.disableProperty().bind(resolved.not());
        referenceRevealButton.setOnAction(e -> model.toggleReveal());
        referenceCopyButton.disableProperty().bind(resolved.not());
        referenceCopyButton.setOnAction(e -> model.copyValue(model.value().reveal(), clipboard::copySecret));
        referenceValue.setOnCopy(text -> model.copyValue(text, clipboard::copySecret));

        busyIndicator.visibleProperty().bind(model.busyProperty());
        referenceMessage.textProperty().bind(model.messageProperty());
        referenceCloseButton.setOnAction(e -> stage.close());
        referenceIdField.requestFocus();
        referenceIdField.end();
    }
}
