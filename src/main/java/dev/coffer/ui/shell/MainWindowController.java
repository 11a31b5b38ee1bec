package dev.coffer.ui.shell;

import dev.coffer.about.Version;
import dev.coffer.audit.RevealLog;
import dev.coffer.audit.view.AuditReportController;
import dev.coffer.compare.view.CompareActions;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.CallerIdentity;
import dev.coffer.aws.ClientFactory;
import dev.coffer.aws.Connection;
import dev.coffer.parameters.view.ParameterActions;
import dev.coffer.parameters.view.ParameterCell;
import dev.coffer.parameters.view.FolderFiles;
import dev.coffer.usage.view.UsageActions;
import dev.coffer.usage.view.WhereUsedViewModel;
import dev.coffer.parameters.view.ParameterTreeMenu;
import dev.coffer.parameters.view.TreeEntry;
import dev.coffer.rotation.view.RotationBar;
import dev.coffer.secrets.view.ReplicationPane;
import dev.coffer.secrets.view.SecretActions;
import dev.coffer.secrets.view.SecretListViewModel;
import dev.coffer.ui.connect.ConnectViewModel;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.ClipboardGuard;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.Screen;
import dev.coffer.ui.kit.Windows;
import dev.coffer.ui.kit.controls.BusyIndicator;
import dev.coffer.ui.kit.controls.GrowIn;
import dev.coffer.ui.shell.MainWindowActions.Action;
import dev.coffer.ui.shell.Selection.FolderSelection;
import dev.coffer.ui.shell.Selection.ParameterSelection;
import dev.coffer.ui.shell.Selection.SecretSelection;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/** The main window: parameter tree, secrets list, details, status bar. Thin: state lives in {@link MainViewModel}. */
public final class MainWindowController {

    @FXML private BorderPane root;
    @FXML private SplitPane split;
    @FXML private TextField parameterFilter;
    @FXML private TreeView<TreeEntry> parameterTree;
    @FXML private Label parameterCount;
    @FXML private BusyIndicator parametersProgress;
    @FXML private TextField secretFilter;
    @FXML private TableView<SecretListViewModel.Row> secretTable;
    @FXML private Label secretPlaceholder;
    @FXML private Label secretCount;
    @FXML private BusyIndicator secretsProgress;
    @FXML private ScrollPane detailsScroll;
    @FXML private Label connectionLabel;
    @FXML private Label connectionTitle;
    @FXML private Label statusText;
    @FXML private Button cancelLoadingButton;
    @FXML private Label readOnlyBadge;
    @FXML private HBox auditBanner;
    @FXML private Label auditBannerText;
    @FXML private HBox messageBar;
    @FXML private HBox noticeBar;
    @FXML private Label noticeText;
    @FXML private Label messageText;
    @FXML private Button signInAgainButton;
    @FXML private ComboBox<String> regionBox;
    @FXML private Menu recentMenu;
    @FXML private ToggleButton themeToggle;
    @FXML private CheckMenuItem darkThemeItem;
    @FXML private CheckMenuItem rememberListingsItem;
    @FXML private CheckBox showDeletedSecretsCheck;
    @FXML private MenuBar menuBar;
    @FXML private MenuItem refreshItem;
    @FXML private Button refreshButton;
    @FXML private MenuItem newParameterItem;
    @FXML private Button newParameterButton;
    @FXML private MenuItem editParameterItem;
    @FXML private Button editParameterButton;
    @FXML private MenuItem historyItem;
    @FXML private Button historyButton;
    @FXML private MenuItem copyMoveItem;
    @FXML private MenuItem deleteItem;
    @FXML private MenuItem goldenImageItem;
    @FXML private MenuItem exportFolderItem;
    @FXML private MenuItem copyOrExportAsItem;
    @FXML private MenuItem importItem;
    @FXML private MenuItem resolveReferenceItem;
    @FXML private MenuItem newSecretItem;
    @FXML private Button newSecretButton;
    @FXML private MenuItem editSecretItem;
    @FXML private Button editSecretButton;
    @FXML private MenuItem versionsSecretItem;
    @FXML private Button versionsSecretButton;
    @FXML private MenuItem policySecretItem;
    @FXML private MenuItem rotationSecretItem;
    @FXML private MenuItem deleteSecretItem;
    @FXML private MenuItem restoreSecretItem;
    @FXML private Button restoreSecretButton;
    @FXML private MenuItem revealItem;
    @FXML private MenuItem copyValueItem;
    @FXML private MenuItem copyNameItem;
    @FXML private MenuItem copyArnItem;
    @FXML private MenuItem auditReportItem;
    @FXML private MenuItem compareItem;
    @FXML private MenuItem whereUsedItem;
    @FXML private MenuItem whereUsedSecretItem;

    private MainViewModel model;
    private MainWindowActions rules;
    private WindowActions actions;
    private ParameterActions parameterActions;
    private SecretActions secretActions;
    private CompareActions compareActions;
    private UsageActions usageActions;
    private Background background;
    private final ClipboardGuard clipboard = new ClipboardGuard();

    /** What the window asks of the application (connecting, themes, quitting). */
    public interface WindowActions {
        void connect();

        /** Chooses a connection and opens it in a new window beside this one. */
        void newWindow();

        /** Opens a connection in this window (File → Recent, the region switcher). */
        void open(Connection connection);

        /** The connections opened lately, newest first. */
        List<Connection> recentConnections();

        void openSandbox();

        void setDarkTheme(boolean dark);

        /** Whether connections' last listings are remembered for an instant reopen (settings.json: rememberListings). */
        boolean remembersListings();

        /** Turns remembering listings on or off for every window. */
        void rememberListings(boolean on);

        /** Deletes every remembered listing. */
        void forgetListings();

        void quit();

        /** Lists the accounts and roles of an IAM Identity Center session and saves one as a new profile. */
        void addSsoProfile();

        /** Signs in again to the connection's IAM Identity Center session, keeping the window and its editors. */
        void signInAgain();

        /** The clients of every window's connection, in the order the windows opened. */
        List<ClientFactory> openConnections();
    }

    public void init(MainViewModel model, WindowActions actions, boolean darkTheme, Background background) {
        this.model = model;
        this.actions = actions;
        this.background = background;
        this.rules = model.actions();
        FeatureWindow features = new FeatureWindow(model, () -> root.getScene().getWindow(), this::selectParameter, actions);
        this.secretActions = new SecretActions(features, background);
        this.parameterActions = new ParameterActions(features, background);
        this.compareActions = new CompareActions(features, background);
        this.usageActions = new UsageActions(features, background);

        bindParameters();
        bindSecrets();
        DetailsPane detailsPane = new DetailsPane(model.details(), this::copyValue);
        detailsPane.addActions(new RotationBar(Bindings.createObjectBinding(
                () -> model.details().shownProperty().get() instanceof SecretSelection s ? s.secret() : null, model.details().shownProperty()),
                rules.canChange().not().or(Bindings.createBooleanBinding(() -> model.replication().primaryRegionProperty().get().isPresent(),
                        model.replication().primaryRegionProperty())), secretActions));
        detailsPane.addActions(new ReplicationPane(model.replication(), secretActions));
        Label usedBy = new Label();
        usedBy.setId("usedBy");
        usedBy.textProperty().bind(model.usedByProperty());
        usedBy.visibleProperty().bind(model.usedByProperty().isNotEmpty());
        usedBy.managedProperty().bind(usedBy.visibleProperty());
        detailsPane.addActions(usedBy);
        detailsScroll.setContent(detailsPane);
        bindStatus();

        themeToggle.setSelected(darkTheme);
        darkThemeItem.selectedProperty().bindBidirectional(themeToggle.selectedProperty());
        themeToggle.selectedProperty().addListener((obs, old, dark) -> actions.setDarkTheme(dark));
        rememberListingsItem.setSelected(actions.remembersListings());
        rememberListingsItem.selectedProperty().addListener((obs, old, on) -> actions.rememberListings(on));
        bindActions();
        bindKeys();
    }

    /** Every menu item and button follows its action's rule: enabled when usable, shown when offered. */
    private void bindActions() {
        bind(Action.REFRESH, refreshItem, refreshButton);
        bind(Action.NEW_PARAMETER, newParameterItem, newParameterButton);
        bind(Action.EDIT_PARAMETER, editParameterItem, editParameterButton);
        bind(Action.PARAMETER_HISTORY, historyItem, historyButton);
        bind(Action.COPY_MOVE, copyMoveItem);
        bind(Action.DELETE_PARAMETER, deleteItem);
        bind(Action.GOLDEN_IMAGE, goldenImageItem);
        bind(Action.EXPORT_FOLDER, exportFolderItem);
        // Reads only, from the same folder as Export folder…: usable whenever that is.
        bind(Action.EXPORT_FOLDER, copyOrExportAsItem);
        bind(Action.IMPORT_INTO_FOLDER, importItem);
        bind(Action.RESOLVE_REFERENCE, resolveReferenceItem);
        bind(Action.NEW_SECRET, newSecretItem, newSecretButton);
        bind(Action.EDIT_SECRET, editSecretItem, editSecretButton);
        bind(Action.SECRET_VERSIONS, versionsSecretItem, versionsSecretButton);
        bind(Action.SECRET_POLICY, policySecretItem);
        bind(Action.ROTATION, rotationSecretItem);
        bind(Action.DELETE_SECRET, deleteSecretItem);
        bind(Action.RESTORE_SECRET, restoreSecretItem);
        // Restore is for secrets scheduled for deletion only: the button shows just for them.
        restoreSecretButton.visibleProperty().bind(rules.enabled(Action.RESTORE_SECRET));
        restoreSecretButton.managedProperty().bind(restoreSecretButton.visibleProperty());
        bind(Action.REVEAL, revealItem);
        bind(Action.COPY_VALUE, copyValueItem);
        bind(Action.COPY_NAME, copyNameItem);
        bind(Action.COPY_ARN, copyArnItem);
        bind(Action.AUDIT_REPORT, auditReportItem);
        bind(Action.COMPARE, compareItem);
        bind(Action.WHERE_USED, whereUsedItem);
        bind(Action.WHERE_USED, whereUsedSecretItem);
        ParameterTreeMenu.install(parameterTree, parameterActions,
                new FolderFiles(compareActions::open, compareActions::exportFolder, compareActions::importInto), this::onWhereUsed,
                () -> !rules.canChange().get());
    }

    private void bind(Action action, MenuItem item, Button... buttons) {
        item.disableProperty().bind(rules.enabled(action).not());
        item.visibleProperty().bind(rules.offered(action));
        for (Button button : buttons) {
            button.disableProperty().bind(rules.enabled(action).not());
            button.visibleProperty().bind(rules.offered(action));
            button.managedProperty().bind(button.visibleProperty());
        }
    }

    /** Keys and double clicks go by the same rules as the menus. */
    private void bindKeys() {
        // The tree keeps F2 for cell editing; here F2 and Enter on a parameter open its editor.
        parameterTree.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == KeyCode.F2 || e.getCode() == KeyCode.ENTER) && usable(Action.EDIT_PARAMETER)) {
                e.consume();
                onEditParameter();
            } else if (e.getCode() == KeyCode.DELETE && usable(Action.DELETE_PARAMETER)) {
                // Delete only on the tree: the key stays free for the secrets list and text fields.
                e.consume();
                onDeleteParameter();
            }
        });
        parameterTree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                onEditParameter();
            }
        });
        secretTable.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE && usable(Action.DELETE_SECRET)) {
                e.consume();
                onDeleteSecret();
            } else if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F2) && usable(Action.EDIT_SECRET)) {
                e.consume();
                onEditSecret();
            }
        });
        secretTable.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                onEditSecret();
            }
        });
    }

    private boolean usable(Action action) {
        return rules.enabled(action).get();
    }

    private Selection selection() {
        return model.selectionProperty().get();
    }

    @FXML
    private void onNewSecret() {
        if (usable(Action.NEW_SECRET)) {
            secretActions.newSecret();
        }
    }

    @FXML
    private void onEditSecret() {
        if (usable(Action.EDIT_SECRET) && selection() instanceof SecretSelection s) {
            secretActions.edit(s.secret());
        }
    }

    @FXML
    private void onSecretVersions() {
        if (usable(Action.SECRET_VERSIONS) && selection() instanceof SecretSelection s) {
            secretActions.versions(s.secret());
        }
    }

    @FXML
    private void onDeleteSecret() {
        if (usable(Action.DELETE_SECRET) && selection() instanceof SecretSelection s) {
            secretActions.delete(s.secret());
        }
    }

    @FXML
    private void onRestoreSecret() {
        if (usable(Action.RESTORE_SECRET) && selection() instanceof SecretSelection s) {
            secretActions.restore(s.secret());
        }
    }

    @FXML
    private void onSetUpRotation() {
        if (usable(Action.ROTATION) && selection() instanceof SecretSelection s) {
            secretActions.setUpRotation(s.secret());
        }
    }

    @FXML
    private void onSecretPolicy() {
        if (usable(Action.SECRET_POLICY) && selection() instanceof SecretSelection s) {
            secretActions.policy(s.secret());
        }
    }

    @FXML
    private void onNewParameter() {
        if (usable(Action.NEW_PARAMETER)) {
            parameterActions.newParameter(selection().folder());
        }
    }

    @FXML
    private void onHistory() {
        if (usable(Action.PARAMETER_HISTORY) && selection() instanceof ParameterSelection p) {
            parameterActions.history(p.parameter());
        }
    }

    @FXML
    private void onEditParameter() {
        if (usable(Action.EDIT_PARAMETER) && selection() instanceof ParameterSelection p) {
            parameterActions.edit(p.parameter());
        }
    }

    @FXML
    private void onCopyOrMove() {
        if (!usable(Action.COPY_MOVE)) {
            return;
        }
        if (selection() instanceof ParameterSelection p) {
            parameterActions.copy(p.parameter());
        } else if (selection() instanceof FolderSelection f) {
            parameterActions.copyFolder(f.path());
        }
    }

    /** The golden AMI wizard, for the selected parameter or (a folder or nothing selected) a new one. */
    @FXML
    private void onGoldenImage() {
        if (usable(Action.GOLDEN_IMAGE)) {
            parameterActions.updateGoldenImage(selection() instanceof ParameterSelection p ? Optional.of(p.parameter()) : Optional.empty());
        }
    }

    @FXML
    private void onDeleteParameter() {
        if (!usable(Action.DELETE_PARAMETER)) {
            return;
        }
        if (selection() instanceof ParameterSelection p) {
            parameterActions.delete(p.parameter());
        } else if (selection() instanceof FolderSelection f) {
            parameterActions.deleteFolder(f.path());
        }
    }

    @FXML
    private void onExportFolder() {
        if (usable(Action.EXPORT_FOLDER)) {
            compareActions.exportFolder(selection().folder());
        }
    }

    @FXML
    private void onCopyOrExportAs() {
        if (usable(Action.EXPORT_FOLDER)) {
            parameterActions.copyOrExportAs(selection().folder());
        }
    }

    @FXML
    private void onImportIntoFolder() {
        if (usable(Action.IMPORT_INTO_FOLDER)) {
            compareActions.importInto(selection().folder());
        }
    }

    @FXML
    private void onResolveSecretReference() {
        if (usable(Action.RESOLVE_REFERENCE)) {
            parameterActions.resolveSecretReference(model.details().shownProperty().get() instanceof SecretSelection s ? s.secret().name() : "");
        }
    }

    public SplitPane split() {
        return split;
    }

    /** The titles of the secrets table's shown columns, in the table's order. */
    public List<String> shownSecretColumns() {
        return secretTable.getColumns().stream().filter(TableColumn::isVisible).map(TableColumn::getText).toList();
    }

    /** Shows the secrets table's columns with these titles and hides the others; names none it has, and the defaults stay. */
    public void showSecretColumns(List<String> titles) {
        if (secretTable.getColumns().stream().noneMatch(c -> titles.contains(c.getText()))) {
            return;
        }
        secretTable.getColumns().forEach(c -> c.setVisible(titles.contains(c.getText())));
    }

    public BorderPane root() {
        return root;
    }

    private void bindParameters() {
        parameterTree.rootProperty().bind(Bindings.createObjectBinding(() -> (TreeItem<TreeEntry>) model.parameters().rootProperty().get(),
                model.parameters().rootProperty()));
        parameterFilter.textProperty().bindBidirectional(model.parameters().filterProperty());
        parameterTree.setCellFactory(tree -> new ParameterCell());
        parameterTree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item == null) {
                if (selection() instanceof ParameterSelection || selection() instanceof FolderSelection) {
                    model.selectionProperty().set(Selection.NONE);
                }
                return;
            }
            secretTable.getSelectionModel().clearSelection();
            model.selectionProperty().set(item.getValue() instanceof TreeEntry.ParameterEntry pe ? new ParameterSelection(pe.parameter())
                    : new FolderSelection(((TreeEntry.FolderEntry) item.getValue()).folder().path()));
        });
        parametersProgress.visibleProperty().bind(model.parametersLoadingProperty());
        parameterCount.textProperty().bind(Bindings.createStringBinding(() -> {
            int total = model.parameters().totalProperty().get();
            int shown = model.parameters().shownCountProperty().get();
            String all = (model.parametersFailedProperty().get() ? "at least " : "") + Formats.number(total);
            return shown == total ? all : Formats.number(shown) + " of " + all;
        }, model.parameters().totalProperty(), model.parameters().shownCountProperty(), model.parametersFailedProperty()));
        parameterFilter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !parameterFilter.getText().isEmpty()) {
                // Esc clears a filter first; only an empty one lets Esc cancel a load.
                parameterFilter.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                parameterTree.requestFocus();
                if (parameterTree.getSelectionModel().isEmpty()) {
                    parameterTree.getSelectionModel().selectFirst();
                }
            }
        });
    }

    private void bindSecrets() {
        secretTable.getColumns().setAll(SecretColumns.create());
        secretTable.setItems(model.secrets().rows());
        model.secrets().rows().comparatorProperty().bind(secretTable.comparatorProperty());
        secretTable.setFixedCellSize(30);
        GrowIn.onFirstRows(secretTable, Bindings.isNotEmpty(secretTable.getItems()), secretTable.getFixedCellSize());
        secretFilter.textProperty().bindBidirectional(model.secrets().filterProperty());
        showDeletedSecretsCheck.selectedProperty().bindBidirectional(model.showDeletedSecretsProperty());
        secretTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row == null) {
                if (selection() instanceof SecretSelection) {
                    model.selectionProperty().set(Selection.NONE);
                }
                return;
            }
            parameterTree.getSelectionModel().clearSelection();
            model.selectionProperty().set(new SecretSelection(row.secret()));
        });
        secretsProgress.visibleProperty().bind(model.secretsLoadingProperty());
        secretPlaceholder.textProperty().bind(Bindings.when(model.secretsLoadingProperty()).then("Loading secrets…")
                .otherwise(Bindings.when(model.secretsFailedProperty()).then("Could not list secrets (see the message above)")
                .otherwise(Bindings.when(model.secrets().filterProperty().isEmpty()).then("No secrets in this region")
                        .otherwise("No secret matches the filter"))));
        secretCount.textProperty().bind(Bindings.createStringBinding(() -> {
            int total = model.secrets().total();
            int shown = model.secrets().rows().size();
            String all = (model.secretsFailedProperty().get() ? "at least " : "") + Formats.number(total);
            return shown == total ? all : Formats.number(shown) + " of " + all;
        }, model.secrets().all(), model.secrets().rows(), model.secretsFailedProperty()));
        secretFilter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !secretFilter.getText().isEmpty()) {
                // Esc clears a filter first; only an empty one lets Esc cancel a load.
                secretFilter.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                secretTable.requestFocus();
                if (secretTable.getSelectionModel().isEmpty()) {
                    secretTable.getSelectionModel().selectFirst();
                }
            }
        });
    }

    private void bindStatus() {
        ObservableValue<Connection> connection = model.connectionProperty();
        ObservableValue<CallerIdentity> identity = model.identityProperty();
        connectionLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Connection c = connection.getValue();
            if (c == null) {
                return "Not connected";
            }
            CallerIdentity id = identity.getValue();
            return model.labelProperty().get() + (id == null ? " · account …" : " · account " + id.account() + " · " + id.principalName());
        }, connection, model.labelProperty(), identity));
        connectionTitle.textProperty().bind(Bindings.createStringBinding(() -> connection.getValue() == null ? ""
                : ConnectionTitle.of(model.labelProperty().get(), identity.getValue(), model.accountNameProperty().get()),
                connection, model.labelProperty(), identity, model.accountNameProperty()));
        bindRegionSwitcher();
        statusText.textProperty().bind(model.statusProperty());
        // No indeterminate progress bar in the status bar: it repaints every frame (with software
        // rendering 6 % of a core on the FX thread and 3 % on the renderer's, for the whole of a
        // two-minute load of 50,000 parameters), and the panes' BusyIndicators, the counts going
        // up and Cancel already say that the window is loading.
        cancelLoadingButton.visibleProperty().bind(model.loadingProperty());
        cancelLoadingButton.managedProperty().bind(cancelLoadingButton.visibleProperty());
        readOnlyBadge.visibleProperty().bind(model.readOnlyProperty());
        readOnlyBadge.managedProperty().bind(readOnlyBadge.visibleProperty());
        auditBanner.visibleProperty().bind(model.readOnlyProperty());
        auditBanner.managedProperty().bind(auditBanner.visibleProperty());
        auditBannerText.setText("Audit mode — Coffer cannot change anything in this account. Reveals are logged to "
                + RevealLog.standard().file() + ".");
        messageBar.visibleProperty().bind(model.problemProperty().isNotNull());
        messageBar.managedProperty().bind(messageBar.visibleProperty());
        signInAgainButton.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.problemProperty().get() != null
                && model.problemProperty().get().kind() == AwsErrors.Kind.EXPIRED_CREDENTIALS
                && model.signInOfferedProperty().get(), model.problemProperty(), model.signInOfferedProperty()));
        signInAgainButton.managedProperty().bind(signInAgainButton.visibleProperty());
        messageText.textProperty().bind(Bindings.createStringBinding(
                () -> model.problemProperty().get() == null ? "" : model.problemProperty().get().text(), model.problemProperty()));
        noticeBar.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());
        noticeText.textProperty().bind(model.noticeProperty());
    }

    @FXML
    private void onConnect() {
        actions.connect();
    }

    @FXML
    private void onNewWindow() {
        actions.newWindow();
    }

    /** The region switcher reconnects the same profile in another region, in this window. */
    private void bindRegionSwitcher() {
        regionBox.getItems().setAll(ConnectViewModel.REGIONS);
        regionBox.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.connectionProperty().get() != null
                && !model.connectionProperty().get().sandbox(), model.connectionProperty()));
        regionBox.managedProperty().bind(regionBox.visibleProperty());
        model.connectionProperty().addListener((obs, old, c) -> {
            if (c != null) {
                if (!regionBox.getItems().contains(c.region())) {
                    regionBox.getItems().add(c.region());
                }
                regionBox.setValue(c.region());
            }
        });
        regionBox.setOnAction(e -> {
            Connection c = model.connectionProperty().get();
            String region = regionBox.getValue();
            if (c != null && region != null && !region.equals(c.region())) {
                actions.open(c.withRegion(region));
            }
        });
        // File → Recent connections, filled when opened so every window shows the latest.
        recentMenu.setOnShowing(e -> fillRecentMenu());
        fillRecentMenu();
    }

    private void fillRecentMenu() {
        List<Connection> recent = actions.recentConnections();
        recentMenu.getItems().clear();
        for (Connection c : recent) {
            MenuItem item = new MenuItem(RecentConnections.label(c));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> actions.open(c));
            recentMenu.getItems().add(item);
        }
        if (recent.isEmpty()) {
            MenuItem none = new MenuItem("No recent connections");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    @FXML
    private void onSandbox() {
        actions.openSandbox();
    }

    @FXML
    private void onQuit() {
        actions.quit();
    }

    @FXML
    private void onForgetListings() {
        actions.forgetListings();
    }

    @FXML
    private void onRefresh() {
        model.refresh();
    }

    @FXML
    private void onRetry() {
        model.retry();
    }

    @FXML
    private void onCancelLoading() {
        model.cancelLoading();
    }

    @FXML
    private void onFocusParameterFilter() {
        parameterFilter.requestFocus();
        parameterFilter.selectAll();
    }

    @FXML
    private void onFocusSecretFilter() {
        secretFilter.requestFocus();
        secretFilter.selectAll();
    }

    @FXML
    private void onReveal() {
        model.details().toggleReveal();
    }

    @FXML
    private void onCopyValue() {
        copyValue(model.details().valueProperty().get());
    }

    /** The whole value (Copy, Ctrl+Alt+C) or the part selected in it (Ctrl+C): logged first in audit mode, wiped after 30 s. */
    private void copyValue(String text) {
        model.copyValue(text, clipboard::copySecret);
    }

    @FXML
    private void onAuditReport() {
        if (usable(Action.AUDIT_REPORT)) {
            AuditReportController.open(root.getScene().getWindow(), model.session(), background);
        }
    }

    /** Where used… on the selected parameter, folder (everything under it) or secret. */
    @FXML
    private void onWhereUsed() {
        if (!usable(Action.WHERE_USED)) {
            return;
        }
        Selection selected = selection();
        if (selected instanceof ParameterSelection p) {
            usageActions.whereUsed(WhereUsedViewModel.Subject.parameter(p.parameter().name()));
        } else if (selected instanceof Selection.FolderSelection f) {
            usageActions.whereUsed(WhereUsedViewModel.Subject.folder(f.path()));
        } else if (selected instanceof SecretSelection s) {
            usageActions.whereUsed(WhereUsedViewModel.Subject.secret(s.secret().arn(), s.secret().name()));
        }
    }

    @FXML
    private void onCompare() {
        if (usable(Action.COMPARE)) {
            compareActions.open("");
        }
    }

    @FXML
    private void onCopyName() {
        Selection shown = model.details().shownProperty().get();
        if (shown instanceof ParameterSelection p) {
            clipboard.copy(p.parameter().name());
        } else if (shown instanceof SecretSelection s) {
            clipboard.copy(s.secret().name());
        }
    }

    @FXML
    private void onCopyArn() {
        Selection shown = model.details().shownProperty().get();
        OpenConnection open = model.openConnection();
        if (shown instanceof SecretSelection s) {
            clipboard.copy(s.secret().arn());
        } else if (shown instanceof ParameterSelection p && open != null && model.identityProperty().get() != null) {
            clipboard.copy(open.parameters().arnOf(p.parameter().name(), model.identityProperty().get().account()));
        }
    }

    @FXML
    private void onAddSsoProfile() {
        actions.addSsoProfile();
    }

    @FXML
    private void onSignInAgain() {
        actions.signInAgain();
    }

    @FXML
    private void onDismissMessage() {
        model.dismissProblem();
    }

    @FXML
    private void onDismissNotice() {
        model.noticeProperty().set("");
    }

    @FXML
    private void onShortcuts() {
        KeyboardShortcutsViewModel shortcuts = new KeyboardShortcutsViewModel(menuBar.getMenus());
        Windows.open(root.getScene().getWindow(), Screen.KEYBOARD_SHORTCUTS, "Keyboard shortcuts", false,
                (KeyboardShortcutsController c, Stage stage) -> c.init(shortcuts));
    }

    @FXML
    private void onAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("About Coffer");
        alert.setHeaderText("Coffer " + Version.current());
        alert.setContentText("A desktop console for AWS Secrets Manager and Systems Manager Parameter Store.");
        alert.show();
    }

    /** Puts the selection on a folder by path, opening the folders above it. */
    public void selectFolder(String path) {
        TreeItem<TreeEntry> item = model.parameters().revealFolder(path);
        if (item == null || item == parameterTree.getRoot()) {
            parameterTree.getSelectionModel().clearSelection();
        } else {
            parameterTree.getSelectionModel().select(item);
        }
        parameterTree.requestFocus();
    }

    /** Puts the selection on a parameter by name (used after saving and by tests). */
    public void selectParameter(String name) {
        TreeItem<TreeEntry> item = model.parameters().reveal(name);
        if (item != null) {
            parameterTree.getSelectionModel().select(item);
            parameterTree.requestFocus();
            int row = parameterTree.getRow(item);
            if (row >= 0) {
                parameterTree.scrollTo(Math.max(0, row - 3));
            }
        }
    }
}
