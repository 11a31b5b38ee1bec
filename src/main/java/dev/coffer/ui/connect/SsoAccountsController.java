package dev.coffer.ui.connect;

import dev.coffer.auth.sso.SsoPortal;
import dev.coffer.ui.kit.Screen;
import dev.coffer.ui.kit.Windows;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Binds the accounts and roles window to its {@link SsoAccountsViewModel}. */
public final class SsoAccountsController {

    private SsoAccountsViewModel model;
    private Stage stage;

    @FXML
    private VBox root;
    @FXML
    private Label accountsDetail;
    @FXML
    private TextField accountFilter;
    @FXML
    private TableView<SsoPortal.Account> accountTable;
    @FXML
    private TableColumn<SsoPortal.Account, String> accountName;
    @FXML
    private TableColumn<SsoPortal.Account, String> accountId;
    @FXML
    private TableColumn<SsoPortal.Account, String> accountEmail;
    @FXML
    private ListView<String> roleList;
    @FXML
    private TextField profileName;
    @FXML
    private ComboBox<String> profileRegion;
    @FXML
    private Label accountsProblem;
    @FXML
    private ProgressIndicator accountsProgress;
    @FXML
    private Label accountsStatus;
    @FXML
    private Button saveProfile;

    /** Opens the window over {@code owner} and lists the accounts. */
    public static void open(Window owner, SsoAccountsViewModel model) {
        Windows.open(owner, Screen.SSO_ACCOUNTS, model.title(), true, (SsoAccountsController c, Stage stage) -> c.init(model, stage));
        model.load();
    }

    void init(SsoAccountsViewModel model, Stage stage) {
        this.model = model;
        this.stage = stage;
        accountsDetail.setText(model.detail());
        accountFilter.textProperty().bindBidirectional(model.filterProperty());
        accountTable.setItems(model.shownAccounts());
        show(accountName, SsoPortal.Account::name);
        show(accountId, SsoPortal.Account::id);
        show(accountEmail, SsoPortal.Account::email);
        accountTable.getSelectionModel().selectedItemProperty().addListener((obs, old, account) -> model.accountProperty().set(account));
        roleList.setItems(model.roles());
        roleList.getSelectionModel().selectedItemProperty().addListener((obs, old, role) -> model.roleProperty().set(role));
        // The model chooses the only role of an account by itself.
        model.roleProperty().addListener((obs, old, role) -> {
            if (role != null && !role.equals(roleList.getSelectionModel().getSelectedItem())) {
                roleList.getSelectionModel().select(role);
            }
        });
        profileName.textProperty().bindBidirectional(model.nameProperty());
        profileName.setOnKeyTyped(e -> model.nameTyped());
        profileRegion.getItems().setAll(ConnectViewModel.REGIONS);
        profileRegion.setValue(model.regionProperty().get());
        profileRegion.getEditor().textProperty().addListener((obs, old, text) -> model.regionProperty().set(text));
        accountsProblem.textProperty().bind(model.problemProperty());
        accountsProgress.visibleProperty().bind(model.busyProperty());
        accountsStatus.textProperty().bind(model.statusProperty());
        saveProfile.disableProperty().bind(model.problemProperty().isNotEmpty().or(model.savingProperty()));
        model.savedProperty().addListener((obs, was, saved) -> {
            if (saved) {
                stage.close();
            }
        });
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setOnShown(e -> accountFilter.requestFocus());
    }

    private static void show(TableColumn<SsoPortal.Account, String> column, Function<SsoPortal.Account, String> value) {
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
    }

    @FXML
    private void onSave() {
        model.save();
    }

    @FXML
    private void onCancel() {
        stage.close();
    }
}
