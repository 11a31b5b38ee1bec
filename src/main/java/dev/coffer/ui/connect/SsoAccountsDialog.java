package dev.coffer.ui.connect;

import dev.coffer.auth.AwsConfigFile;
import dev.coffer.auth.sso.CachedToken;
import dev.coffer.auth.sso.SsoConfig;
import dev.coffer.auth.sso.SsoPortal;
import dev.coffer.aws.AwsErrors;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Windows;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Lists the accounts and roles an IAM Identity Center user may use (ListAccounts, ListAccountRoles)
 * and saves the chosen one as a new profile in the AWS config file, leaving the rest of the file alone.
 */
public final class SsoAccountsDialog {

    private final Stage stage = new Stage();
    private final SsoConfig sso;
    private final CachedToken token;
    private final SsoPortal portal;
    private final AwsConfigFile config;
    private final Background background;
    private final Consumer<String> onSaved;

    private final TextField filter = new TextField();
    private final TableView<SsoPortal.Account> accounts = new TableView<>();
    private final javafx.collections.ObservableList<SsoPortal.Account> all = FXCollections.observableArrayList();
    private final FilteredList<SsoPortal.Account> shown = new FilteredList<>(all);
    private final ListView<String> roles = new ListView<>();
    private final TextField name = new TextField();
    private final ComboBox<String> region = new ComboBox<>(FXCollections.observableArrayList(ConnectViewModel.REGIONS));
    private final Label problem = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label status = new Label("Listing your accounts…");
    private final Button save = new Button("Save profile");
    private boolean nameTouched;

    /**
     * @param onSaved gets the new profile's name (FX thread) once it is in the config file
     */
    public SsoAccountsDialog(Window owner, SsoConfig sso, CachedToken token, SsoPortal portal, AwsConfigFile config,
                             String defaultRegion, Background background, Consumer<String> onSaved) {
        this.sso = sso;
        this.token = token;
        this.portal = portal;
        this.config = config;
        this.background = background;
        this.onSaved = onSaved;

        Label title = new Label("Add a profile from IAM Identity Center");
        title.getStyleClass().add("title-3");
        Label detail = new Label("Signed in to " + sso.label() + ". Choose an account and a role; Coffer adds a profile for "
                + "them to " + config.path() + " (the previous file is kept as " + config.backup().getFileName() + ").");
        detail.setWrapText(true);
        detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        detail.getStyleClass().add("text-muted");

        filter.setId("accountFilter");
        filter.setPromptText("Filter accounts by name, id or e-mail");
        filter.textProperty().addListener((obs, old, text) -> {
            String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
            shown.setPredicate(a -> t.isEmpty() || (a.name() + " " + a.id() + " " + a.email()).toLowerCase(java.util.Locale.ROOT).contains(t));
        });
        accounts.setId("accountTable");
        accounts.setItems(shown);
        accounts.getColumns().add(column("Account", 170, SsoPortal.Account::name));
        accounts.getColumns().add(column("Account ID", 140, SsoPortal.Account::id));
        accounts.getColumns().add(column("E-mail", 220, SsoPortal.Account::email));
        accounts.setPlaceholder(new Label("No accounts"));
        accounts.getSelectionModel().selectedItemProperty().addListener((obs, old, account) -> loadRoles(account));
        VBox accountBox = new VBox(6, new Label("Accounts"), filter, accounts);
        VBox.setVgrow(accounts, Priority.ALWAYS);

        roles.setId("roleList");
        roles.setPlaceholder(new Label("Choose an account"));
        roles.getSelectionModel().selectedItemProperty().addListener((obs, old, role) -> suggestName());
        VBox roleBox = new VBox(6, new Label("Roles"), roles);
        VBox.setVgrow(roles, Priority.ALWAYS);
        roleBox.setPrefWidth(220);
        HBox lists = new HBox(12, accountBox, roleBox);
        HBox.setHgrow(accountBox, Priority.ALWAYS);
        VBox.setVgrow(lists, Priority.ALWAYS);

        name.setId("profileName");
        name.setOnKeyTyped(e -> nameTouched = true);
        name.textProperty().addListener((obs, old, text) -> validate());
        region.setId("profileRegion");
        region.setEditable(true);
        region.setValue(defaultRegion);
        region.setMaxWidth(Double.MAX_VALUE);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Profile name"), name);
        form.addRow(1, new Label("Region"), region);
        GridPane.setHgrow(name, Priority.ALWAYS);
        problem.setId("accountsProblem");
        problem.getStyleClass().add("danger-text");
        problem.setWrapText(true);

        progress.setPrefSize(18, 18);
        status.setId("accountsStatus");
        HBox statusRow = new HBox(8, progress, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        save.setId("saveProfile");
        save.setDefaultButton(true);
        save.setOnAction(e -> save());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        ButtonBar.setButtonData(save, ButtonBar.ButtonData.OK_DONE);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().addAll(save, cancel);

        VBox root = new VBox(12, title, detail, lists, form, problem, statusRow, buttons);
        root.setPadding(new Insets(18));
        root.setPrefSize(860, 620);
        Windows.window(stage, owner, "Accounts and roles — " + sso.sessionName().orElse(sso.startUrl()), true, root, -1, -1)
                .getScene().setOnKeyPressed(e -> {
                    if (e.getCode() == KeyCode.ESCAPE) {
                        stage.close();
                    }
                });
        validate();
    }

    public void show() {
        stage.show();
        background.run(() -> portal.accounts(token), list -> {
            all.setAll(list);
            idle(list.size() == 1 ? "1 account" : list.size() + " accounts");
            filter.requestFocus();
        }, this::failed);
    }

    private void loadRoles(SsoPortal.Account account) {
        roles.getItems().clear();
        if (account == null) {
            return;
        }
        busy("Listing your roles in " + account.name() + "…");
        background.run(() -> portal.roles(token, account.id()), list -> {
            if (account.equals(accounts.getSelectionModel().getSelectedItem())) {
                roles.getItems().setAll(list);
                if (list.size() == 1) {
                    roles.getSelectionModel().select(0);
                }
                idle(list.size() == 1 ? "1 role" : list.size() + " roles");
            }
        }, this::failed);
    }

    /** As `aws configure sso` suggests: ROLE-ACCOUNTID, until the user types a name of their own. */
    private void suggestName() {
        SsoPortal.Account account = accounts.getSelectionModel().getSelectedItem();
        String role = roles.getSelectionModel().getSelectedItem();
        if (!nameTouched && account != null && role != null) {
            name.setText(role + "-" + account.id());
        }
        validate();
    }

    private void validate() {
        String text;
        if (accounts.getSelectionModel().getSelectedItem() == null || roles.getSelectionModel().getSelectedItem() == null) {
            text = "Choose an account and a role.";
        } else {
            text = config.problemWithName(name.getText() == null ? "" : name.getText().trim());
        }
        problem.setText(text == null ? "" : text);
        save.setDisable(text != null);
    }

    private void save() {
        SsoPortal.Account account = accounts.getSelectionModel().getSelectedItem();
        String role = roles.getSelectionModel().getSelectedItem();
        String profile = name.getText().trim();
        String r = region.getEditor().getText() == null || region.getEditor().getText().isBlank() ? region.getValue()
                : region.getEditor().getText().trim();
        busy("Saving the profile…");
        save.setDisable(true);
        background.run(() -> {
            config.addProfile(profile, AwsConfigFile.ssoProfile(sso.sessionName().orElseThrow(), account.id(), role, r));
            return profile;
        }, saved -> {
            stage.close();
            onSaved.accept(saved);
        }, error -> {
            failed(error);
            validate();
        });
    }

    private void busy(String text) {
        progress.setVisible(true);
        status.setText(text);
    }

    private void idle(String text) {
        progress.setVisible(false);
        status.setText(text);
    }

    private void failed(Throwable error) {
        progress.setVisible(false);
        status.setText(AwsErrors.explain(error).text());
    }

    private static TableColumn<SsoPortal.Account, String> column(String title, double width,
                                                                 java.util.function.Function<SsoPortal.Account, String> value) {
        TableColumn<SsoPortal.Account, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
