package dev.coffer.ui.kit.controls;

import dev.coffer.kms.KmsKey;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/**
 * Chooses a KMS key: the service's AWS-managed default or a customer key, shown as alias, id and
 * state. Keys that are disabled or pending deletion are listed but cannot be chosen.
 */
public final class KmsKeyPicker extends ComboBox<KmsKey> {

    private String defaultAlias = "alias/aws/ssm";

    public KmsKeyPicker() {
        setMaxWidth(Double.MAX_VALUE);
        setPromptText("Loading keys…");
        setCellFactory(list -> new KeyCell());
        setButtonCell(new KeyCell());
        // A key that cannot encrypt is never kept as the choice.
        valueProperty().addListener((obs, old, key) -> {
            if (key != null && !key.usable()) {
                setValue(old != null && old.usable() ? old : null);
            }
        });
    }

    /** The alias AWS uses when no key is named, e.g. alias/aws/ssm or alias/aws/secretsmanager. */
    public void setDefaultAlias(String alias) {
        this.defaultAlias = alias;
    }

    /** Shows the account's keys and selects {@code keyId} (an id, ARN or alias), or the default. */
    public void setKeys(List<KmsKey> keys, Optional<String> keyId) {
        getItems().setAll(keys);
        setPromptText(keys.isEmpty() ? "No keys found" : "Choose a key");
        KmsKey match = keyId.flatMap(id -> keys.stream().filter(k -> matches(k, id)).findFirst())
                .or(() -> keys.stream().filter(k -> k.aliases().contains(defaultAlias)).findFirst())
                .orElse(null);
        setValue(match);
    }

    /** The chosen key as the id to send to AWS; empty for the AWS-managed default. */
    public Optional<String> selectedKeyId() {
        KmsKey key = getValue();
        if (key == null || key.aliases().contains(defaultAlias)) {
            return Optional.empty();
        }
        return Optional.of(key.aliases().isEmpty() ? key.keyId() : key.aliases().get(0));
    }

    private static boolean matches(KmsKey key, String id) {
        return id.equals(key.keyId()) || id.equals(key.arn()) || key.aliases().contains(id)
                || key.aliases().contains("alias/" + id) || id.endsWith("/" + key.keyId());
    }

    private static final class KeyCell extends ListCell<KmsKey> {
        @Override
        protected void updateItem(KmsKey key, boolean empty) {
            super.updateItem(key, empty);
            if (empty || key == null) {
                setText(null);
                setDisable(false);
                return;
            }
            String id = key.keyId() == null ? "" : key.keyId();
            String text = key.label() + (key.aliases().isEmpty() || id.isEmpty() ? "" : "  ·  " + id)
                    + "  ·  " + key.state() + (key.awsManaged() ? "  ·  AWS managed" : "");
            setText(text);
            setDisable(!key.usable());
            setOpacity(key.usable() ? 1 : 0.5);
        }
    }
}
