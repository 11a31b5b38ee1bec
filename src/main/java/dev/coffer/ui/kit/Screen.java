package dev.coffer.ui.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;

/**
 * Every screen built from FXML, in one place: its file lies next to the package of its
 * controller, which the file names in {@code fx:controller}. Open one with {@link Windows#open}.
 */
public enum Screen {
    MAIN_WINDOW("/dev/coffer/ui/shell/main_window.fxml"),
    PARAMETER_EDITOR("/dev/coffer/parameters/view/parameter_editor.fxml"),
    CONSUMER_EXPORT("/dev/coffer/parameters/view/consumer_export.fxml"),
    COPY_PARAMETERS("/dev/coffer/parameters/view/copy_parameters.fxml"),
    DELETE_PARAMETERS("/dev/coffer/parameters/view/delete_parameters.fxml"),
    EXPORT_PARAMETERS("/dev/coffer/compare/view/export_parameters.fxml"),
    IMPORT_PARAMETERS("/dev/coffer/compare/view/import_parameters.fxml"),
    SECRET_REFERENCE("/dev/coffer/parameters/view/secret_reference.fxml"),
    SECRET_EDITOR("/dev/coffer/secrets/view/secret_editor.fxml"),
    SECRET_DELETE("/dev/coffer/secrets/view/secret_delete.fxml"),
    SECRET_POLICY("/dev/coffer/secrets/view/secret_policy.fxml"),
    KEYBOARD_SHORTCUTS("/dev/coffer/ui/shell/keyboard_shortcuts.fxml"),
    CONNECT("/dev/coffer/ui/connect/connect.fxml"),
    SSO_SIGN_IN("/dev/coffer/ui/connect/sso_sign_in.fxml"),
    SSO_ACCOUNTS("/dev/coffer/ui/connect/sso_accounts.fxml"),
    PASSWORD_OPTIONS("/dev/coffer/secrets/view/password_options.fxml"),
    DATABASE_PICKER("/dev/coffer/secrets/view/database_picker.fxml"),
    REPLICATE_SECRET("/dev/coffer/secrets/view/replicate_secret.fxml"),
    GOLDEN_AMI_WIZARD("/dev/coffer/ami/view/golden_ami_wizard.fxml"),
    AUDIT_REPORT("/dev/coffer/audit/view/audit_report.fxml"),
    ROTATION_WIZARD("/dev/coffer/rotation/view/rotation_wizard.fxml"),
    COMPARE("/dev/coffer/compare/view/compare.fxml"),
    COMPARE_PLAN("/dev/coffer/compare/view/compare_plan.fxml"),
    WHERE_USED("/dev/coffer/usage/view/where_used.fxml"),
    /** Parameter history and secret versions alike, over a {@link dev.coffer.ui.kit.versions.VersionSource}. */
    VERSION_BROWSER("/dev/coffer/ui/kit/versions/version_browser.fxml");

    private final String path;

    Screen(String path) {
        this.path = path;
    }

    /** Loads the screen: its root node and its controller. */
    public FXMLLoader load() {
        FXMLLoader loader = new FXMLLoader(Screen.class.getResource(path));
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loader;
    }
}
