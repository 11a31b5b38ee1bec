package dev.coffer.ui.shell;

import dev.coffer.about.Version;
import dev.coffer.audit.RevealLog;
import dev.coffer.audit.view.AuditReportWindow;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.CallerIdentity;
import dev.coffer.aws.Connection;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.view.ParameterActions;
import dev.coffer.parameters.view.ParameterCell;
import dev.coffer.parameters.view.ParameterTreeMenu;
import dev.coffer.parameters.view.TreeEntry;
import dev.coffer.rotation.view.RotationBar;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.view.SecretActions;
import dev.coffer.secrets.view.SecretListViewModel;
import dev.coffer.ui.connect.ConnectDialog;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.ClipboardGuard;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.controls.BusyIndicator;
import dev.coffer.ui.kit.controls.GrowIn;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

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
    @FXML private BusyIndicator loadProgress;
    @FXML private Label readOnlyBadge;
    @FXML private HBox auditBanner;
    @FXML private Label auditBannerText;
    @FXML private MenuItem auditReportItem;
    @FXML private HBox messageBar;
    @FXML private HBox noticeBar;
    @FXML private Label noticeText;
    @FXML private Label messageText;
    @FXML private Button retryButton;
    @FXML private Button signInAgainButton;
    @FXML private javafx.scene.control.ComboBox<String> regionBox;
    @FXML private javafx.scene.control.Menu recentMenu;
    @FXML private ToggleButton themeToggle;
    @FXML private CheckMenuItem darkThemeItem;
    @FXML private MenuItem copyValueItem;
    @FXML private Button newSecretButton;
    @FXML private Button editSecretButton;
    @FXML private MenuItem newSecretItem;
    @FXML private MenuItem editSecretItem;
    @FXML private Button versionsSecretButton;
    @FXML private Button restoreSecretButton;
    @FXML private javafx.scene.control.CheckBox showDeletedSecretsCheck;
    @FXML private MenuItem versionsSecretItem;
    @FXML private MenuItem deleteSecretItem;
    @FXML private MenuItem restoreSecretItem;
    @FXML private MenuItem policySecretItem;
    @FXML private MenuItem rotationSecretItem;
    @FXML private MenuItem newParameterItem;
    @FXML private MenuItem editParameterItem;
    @FXML private Button newParameterButton;
    @FXML private Button editParameterButton;
    @FXML private MenuItem historyItem;
    @FXML private Button historyButton;
    @FXML private MenuItem copyMoveItem;
    @FXML private MenuItem goldenImageItem;
    @FXML private MenuItem deleteItem;
    @FXML private MenuItem exportFolderItem;
    @FXML private MenuItem importItem;
    @FXML private MenuItem resolveReferenceItem;

    private MainViewModel model;
    private WindowActions actions;
    private ParameterActions parameterActions;
    private SecretActions secretActions;
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

        void quit();

        /** Lists the accounts and roles of an IAM Identity Center session and saves one as a new profile. */
        void addSsoProfile();

        /** Signs in again to the connection's IAM Identity Center session, keeping the window and its editors. */
        void signInAgain();
    }

    public void init(MainViewModel model, WindowActions actions, boolean darkTheme, Background background) {
        this.model = model;
        this.actions = actions;
        this.background = background;
        FeatureWindow features = new FeatureWindow(model, () -> root.getScene().getWindow(), this::selectParameter);
        this.secretActions = new SecretActions(features, background);
        this.parameterActions = new ParameterActions(features, background);

        bindParameters();
        bindSecrets();
        DetailsPane detailsPane = new DetailsPane(model.details(), this::copyValue);
        detailsPane.addActions(new RotationBar(model.details().selectedProperty(),
                Bindings.createBooleanBinding(() -> model.connectionProperty().get() == null || model.connectionProperty().get().readOnly(),
                        model.connectionProperty()), secretActions));
        detailsScroll.setContent(detailsPane);
        bindStatus();

        themeToggle.setSelected(darkTheme);
        darkThemeItem.selectedProperty().bindBidirectional(themeToggle.selectedProperty());
        themeToggle.selectedProperty().addListener((obs, old, dark) -> actions.setDarkTheme(dark));
        bindParameterActions();
        bindSecretActions();
        copyValueItem.disableProperty().bind(model.details().valueStateProperty().isNotEqualTo(DetailsViewModel.ValueState.REVEALED));
    }

    private void bindParameterActions() {
        BooleanBinding readOnly = Bindings.createBooleanBinding(() -> model.connectionProperty().get() == null
                || model.connectionProperty().get().readOnly(), model.connectionProperty());
        BooleanBinding noParameter = Bindings.createBooleanBinding(() -> selectedParameter() == null,
                parameterTree.getSelectionModel().selectedItemProperty());
        newParameterItem.disableProperty().bind(readOnly);
        newParameterButton.disableProperty().bind(readOnly);
        editParameterItem.disableProperty().bind(readOnly.or(noParameter));
        editParameterButton.disableProperty().bind(readOnly.or(noParameter));
        historyItem.disableProperty().bind(noParameter);
        historyButton.disableProperty().bind(noParameter);
        BooleanBinding noSelection = parameterTree.getSelectionModel().selectedItemProperty().isNull();
        BooleanBinding notConnected = model.connectionProperty().isNull();
        copyMoveItem.disableProperty().bind(readOnly.or(noSelection));
        deleteItem.disableProperty().bind(readOnly.or(noSelection));
        importItem.disableProperty().bind(readOnly);
        // Export and references only read, so read-only connections keep them.
        exportFolderItem.disableProperty().bind(notConnected);
        resolveReferenceItem.disableProperty().bind(notConnected);
        goldenImageItem.disableProperty().bind(readOnly);
        for (MenuItem item : new MenuItem[] {copyMoveItem, deleteItem, importItem, goldenImageItem}) {
            item.visibleProperty().bind(readOnly.not().or(notConnected));
        }
        ParameterTreeMenu.install(parameterTree, parameterActions, readOnly::get);
        // In read-only mode nothing that could change AWS is offered.
        for (javafx.scene.Node n : new javafx.scene.Node[] {newParameterButton, editParameterButton}) {
            n.visibleProperty().bind(readOnly.not().or(model.connectionProperty().isNull()));
            n.managedProperty().bind(n.visibleProperty());
        }
        // The tree keeps F2 for cell editing; here F2 and Enter on a parameter open its editor.
        parameterTree.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == javafx.scene.input.KeyCode.F2 || e.getCode() == javafx.scene.input.KeyCode.ENTER)
                    && selectedParameter() != null && !readOnly.get()) {
                e.consume();
                onEditParameter();
            } else if (e.getCode() == javafx.scene.input.KeyCode.DELETE && !noSelection.get() && !readOnly.get()) {
                // Delete only on the tree: the key stays free for the secrets list and text fields.
                e.consume();
                onDeleteParameter();
            }
        });
        parameterTree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && selectedParameter() != null && !readOnly.get()) {
                onEditParameter();
            }
        });
    }

    private void bindSecretActions() {
        BooleanBinding readOnly = Bindings.createBooleanBinding(() -> model.connectionProperty().get() == null
                || model.connectionProperty().get().readOnly(), model.connectionProperty());
        BooleanBinding noSecret = secretTable.getSelectionModel().selectedItemProperty().isNull();
        BooleanBinding notScheduled = Bindings.createBooleanBinding(() -> {
            SecretListViewModel.Row row = secretTable.getSelectionModel().getSelectedItem();
            return row == null || row.secret().deletedDate().isEmpty();
        }, secretTable.getSelectionModel().selectedItemProperty(), model.secrets().all());
        newSecretItem.disableProperty().bind(readOnly);
        // A secret scheduled for deletion cannot be changed until it is restored (AWS refuses).
        editSecretItem.disableProperty().bind(readOnly.or(noSecret).or(notScheduled.not()));
        editSecretButton.disableProperty().bind(noSecret.or(notScheduled.not()));
        // In read-only mode nothing that could change AWS is offered.
        for (javafx.scene.Node n : new javafx.scene.Node[] {newSecretButton, editSecretButton}) {
            n.visibleProperty().bind(readOnly.not());
            n.managedProperty().bind(n.visibleProperty());
        }
        versionsSecretItem.disableProperty().bind(noSecret);
        versionsSecretButton.disableProperty().bind(noSecret);
        policySecretItem.disableProperty().bind(noSecret);
        deleteSecretItem.disableProperty().bind(readOnly.or(noSecret).or(notScheduled.not()));
        restoreSecretItem.disableProperty().bind(readOnly.or(notScheduled));
        restoreSecretButton.visibleProperty().bind(readOnly.not().and(notScheduled.not()));
        restoreSecretButton.managedProperty().bind(restoreSecretButton.visibleProperty());
        rotationSecretItem.disableProperty().bind(readOnly.or(noSecret).or(notScheduled.not()));
        for (MenuItem item : new MenuItem[] {deleteSecretItem, restoreSecretItem, rotationSecretItem}) {
            item.visibleProperty().bind(readOnly.not());
        }
        showDeletedSecretsCheck.selectedProperty().bindBidirectional(model.showDeletedSecretsProperty());
        model.showDeletedSecretsProperty().addListener((obs, old, show) -> model.refresh());
        secretTable.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DELETE && !readOnly.get() && notScheduled.get()
                    && secretTable.getSelectionModel().getSelectedItem() != null) {
                e.consume();
                onDeleteSecret();
            }
        });
        secretTable.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.F2) && !readOnly.get()
                    && secretTable.getSelectionModel().getSelectedItem() != null) {
                e.consume();
                onEditSecret();
            }
        });
        secretTable.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !readOnly.get() && secretTable.getSelectionModel().getSelectedItem() != null) {
                onEditSecret();
            }
        });
    }

    @FXML
    private void onNewSecret() {
        if (model.openConnection() != null && !model.connectionProperty().get().readOnly()) {
            secretActions.newSecret();
        }
    }

    @FXML
    private void onEditSecret() {
        SecretListViewModel.Row row = secretTable.getSelectionModel().getSelectedItem();
        if (row != null && !model.connectionProperty().get().readOnly() && row.secret().deletedDate().isEmpty()) {
            secretActions.edit(row.secret());
        }
    }

    private Secret selectedSecret() {
        SecretListViewModel.Row row = secretTable.getSelectionModel().getSelectedItem();
        return row == null ? null : row.secret();
    }

    @FXML
    private void onSecretVersions() {
        Secret s = selectedSecret();
        if (s != null && model.openConnection() != null) {
            secretActions.versions(s);
        }
    }

    @FXML
    private void onDeleteSecret() {
        Secret s = selectedSecret();
        if (s != null && canChange() && s.deletedDate().isEmpty()) {
            secretActions.delete(s);
        }
    }

    @FXML
    private void onRestoreSecret() {
        Secret s = selectedSecret();
        if (s != null && canChange() && s.deletedDate().isPresent()) {
            secretActions.restore(s);
        }
    }

    @FXML
    private void onSetUpRotation() {
        Secret s = selectedSecret();
        if (s != null && canChange() && s.deletedDate().isEmpty()) {
            secretActions.setUpRotation(s);
        }
    }

    @FXML
    private void onSecretPolicy() {
        Secret s = selectedSecret();
        if (s != null && model.openConnection() != null) {
            secretActions.policy(s);
        }
    }

    /** The parameter selected in the tree, or null when a folder or nothing is selected. */
    private Parameter selectedParameter() {
        TreeItem<TreeEntry> item = parameterTree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof TreeEntry.ParameterEntry pe ? pe.parameter() : null;
    }

    /** The folder new parameters go into: the selected folder, or the selected parameter's folder. */
    private String selectedFolder() {
        TreeItem<TreeEntry> item = parameterTree.getSelectionModel().getSelectedItem();
        if (item == null) {
            return "/";
        }
        return item.getValue() instanceof TreeEntry.FolderEntry fe ? fe.folder().path()
                : ((TreeEntry.ParameterEntry) item.getValue()).parameter().path();
    }

    @FXML
    private void onNewParameter() {
        if (model.openConnection() != null && !model.connectionProperty().get().readOnly()) {
            parameterActions.newParameter(selectedFolder());
        }
    }

    @FXML
    private void onHistory() {
        Parameter p = selectedParameter();
        if (p != null) {
            parameterActions.history(p);
        }
    }

    @FXML
    private void onEditParameter() {
        Parameter p = selectedParameter();
        if (p != null && !model.connectionProperty().get().readOnly()) {
            parameterActions.edit(p);
        }
    }

    private boolean canChange() {
        return model.openConnection() != null && !model.connectionProperty().get().readOnly();
    }

    private TreeEntry selectedEntry() {
        TreeItem<TreeEntry> item = parameterTree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    @FXML
    private void onCopyOrMove() {
        TreeEntry entry = selectedEntry();
        if (!canChange()) {
            return;
        }
        if (entry instanceof TreeEntry.ParameterEntry pe) {
            parameterActions.copy(pe.parameter());
        } else if (entry instanceof TreeEntry.FolderEntry fe) {
            parameterActions.copyFolder(fe.folder().path());
        }
    }

    /** The golden AMI wizard, for the selected parameter or (a folder or nothing selected) a new one. */
    @FXML
    private void onGoldenImage() {
        if (canChange()) {
            parameterActions.updateGoldenImage(java.util.Optional.ofNullable(selectedParameter()));
        }
    }

    @FXML
    private void onDeleteParameter() {
        TreeEntry entry = selectedEntry();
        if (!canChange()) {
            return;
        }
        if (entry instanceof TreeEntry.ParameterEntry pe) {
            parameterActions.delete(pe.parameter());
        } else if (entry instanceof TreeEntry.FolderEntry fe) {
            parameterActions.deleteFolder(fe.folder().path());
        }
    }

    @FXML
    private void onExportFolder() {
        if (model.openConnection() != null) {
            parameterActions.exportFolder(selectedFolder());
        }
    }

    @FXML
    private void onImportIntoFolder() {
        if (canChange()) {
            parameterActions.importInto(selectedFolder());
        }
    }

    @FXML
    private void onResolveSecretReference() {
        if (model.openConnection() != null) {
            Object shown = model.details().selectedProperty().get();
            parameterActions.resolveSecretReference(shown instanceof Secret s ? s.name() : "");
        }
    }

    public SplitPane split() {
        return split;
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
            if (item != null && item.getValue() instanceof TreeEntry.ParameterEntry pe) {
                secretTable.getSelectionModel().clearSelection();
                model.details().show(pe.parameter());
            }
        });
        parametersProgress.visibleProperty().bind(model.parametersLoadingProperty());
        parameterCount.textProperty().bind(Bindings.createStringBinding(() -> {
            int total = model.parameters().totalProperty().get();
            int shown = model.parameters().shownCountProperty().get();
            String all = (model.parametersFailedProperty().get() ? "at least " : "") + Formats.number(total);
            return shown == total ? all : Formats.number(shown) + " of " + all;
        }, model.parameters().totalProperty(), model.parameters().shownCountProperty(), model.parametersFailedProperty()));
        parameterFilter.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                parameterFilter.clear();
            } else if (e.getCode() == javafx.scene.input.KeyCode.DOWN) {
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
        secretTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                parameterTree.getSelectionModel().clearSelection();
                model.details().show(row.secret());
            }
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
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                secretFilter.clear();
            } else if (e.getCode() == javafx.scene.input.KeyCode.DOWN) {
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
        loadProgress.visibleProperty().bind(model.loadingProperty());
        readOnlyBadge.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> connection.getValue() != null && connection.getValue().readOnly(), connection));
        readOnlyBadge.managedProperty().bind(readOnlyBadge.visibleProperty());
        auditBanner.visibleProperty().bind(readOnlyBadge.visibleProperty());
        auditBanner.managedProperty().bind(auditBanner.visibleProperty());
        auditBannerText.setText("Audit mode — Coffer cannot change anything in this account. Reveals are logged to "
                + RevealLog.standard().file() + ".");
        auditReportItem.disableProperty().bind(model.connectionProperty().isNull());
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
        regionBox.getItems().setAll(ConnectDialog.REGIONS);
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
    private void onRefresh() {
        model.refresh();
    }

    @FXML
    private void onRetry() {
        model.retry();
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
        if (model.session() != null) {
            AuditReportWindow.open(root.getScene().getWindow(), model.session(), background);
        }
    }

    @FXML
    private void onCopyName() {
        Object item = model.details().selectedProperty().get();
        if (item instanceof Parameter p) {
            clipboard.copy(p.name());
        } else if (item instanceof Secret s) {
            clipboard.copy(s.name());
        }
    }

    @FXML
    private void onCopyArn() {
        Object item = model.details().selectedProperty().get();
        OpenConnection open = model.openConnection();
        if (item instanceof Secret s) {
            clipboard.copy(s.arn());
        } else if (item instanceof Parameter p && open != null && model.identityProperty().get() != null) {
            clipboard.copy(open.parameters().arnOf(p.name(), model.identityProperty().get().account()));
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
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.setContentText(String.join("\n",
                "Ctrl+O\tConnect to a profile, region or endpoint",
                "F5\tRefresh",
                "Ctrl+F\tFilter parameters",
                "Ctrl+Shift+F\tSearch secrets",
                "Ctrl+E\tReveal or hide the selected value",
                "Ctrl+Alt+C\tCopy the value (cleared after 30 s)",
                "Ctrl+Shift+C\tCopy the name",
                "Ctrl+Shift+A\tCopy the ARN",
                "Ctrl+Shift+D\tDark theme",
                "Delete\tDelete the selected parameter or folder (in the tree), or the selected secret (in the list)",
                "Ctrl+Shift+H\tVersions and staging labels of the selected secret",
                "Ctrl+Shift+M\tCopy or move the selected parameter or folder",
                "Ctrl+Shift+E / Ctrl+Shift+I\tExport a folder / import into a folder",
                "Ctrl+Shift+R\tResolve a Secrets Manager reference",
                "Ctrl+Shift+U\tAudit report",
                "Esc\tClear a filter"));
        alert.show();
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
