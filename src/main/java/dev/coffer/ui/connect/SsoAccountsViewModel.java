package dev.coffer.ui.connect;

import dev.coffer.auth.AwsConfigFile;
import dev.coffer.auth.sso.CachedToken;
import dev.coffer.auth.sso.SsoConfig;
import dev.coffer.auth.sso.SsoPortal;
import dev.coffer.aws.AwsErrors;
import dev.coffer.ui.kit.Background;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The accounts and roles an IAM Identity Center user may use (ListAccounts, ListAccountRoles), and
 * the chosen one saved as a new profile in the AWS config file, leaving the rest of the file alone.
 */
public final class SsoAccountsViewModel {

    private final SsoConfig sso;
    private final CachedToken token;
    private final SsoPortal portal;
    private final AwsConfigFile config;
    private final Background background;
    private final Consumer<String> onSaved;

    private final ObservableList<SsoPortal.Account> accounts = FXCollections.observableArrayList();
    private final FilteredList<SsoPortal.Account> shownAccounts = new FilteredList<>(accounts);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<SsoPortal.Account> account = new SimpleObjectProperty<>();
    private final ObservableList<String> roles = FXCollections.observableArrayList();
    private final ObjectProperty<String> role = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty();
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(true);
    private final StringProperty status = new SimpleStringProperty("Listing your accounts…");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final BooleanProperty saved = new SimpleBooleanProperty();
    private boolean nameTyped;

    /**
     * @param onSaved gets the new profile's name (UI thread) once it is in the config file
     */
    public SsoAccountsViewModel(SsoConfig sso, CachedToken token, SsoPortal portal, AwsConfigFile config, String defaultRegion,
                                Background background, Consumer<String> onSaved) {
        this.sso = sso;
        this.token = token;
        this.portal = portal;
        this.config = config;
        this.background = background;
        this.onSaved = onSaved;
        region.set(defaultRegion);
        filter.addListener((obs, old, text) -> {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            shownAccounts.setPredicate(a -> t.isEmpty() || (a.name() + " " + a.id() + " " + a.email()).toLowerCase(Locale.ROOT).contains(t));
        });
        account.addListener((obs, old, chosen) -> loadRoles(chosen));
        role.addListener((obs, old, chosen) -> suggestName());
        name.addListener((obs, old, text) -> validate());
        validate();
    }

    public String title() {
        return "Accounts and roles — " + sso.sessionName().orElse(sso.startUrl());
    }

    public String detail() {
        return "Signed in to " + sso.label() + ". Choose an account and a role; Coffer adds a profile for them to "
                + config.path() + " (the previous file is kept as " + config.backup().getFileName() + ").";
    }

    /** Lists the accounts. */
    public void load() {
        background.run(() -> portal.accounts(token), list -> {
            accounts.setAll(list);
            idle(list.size() == 1 ? "1 account" : list.size() + " accounts");
        }, this::failed);
    }

    private void loadRoles(SsoPortal.Account chosen) {
        roles.clear();
        if (chosen == null) {
            return;
        }
        busy("Listing your roles in " + chosen.name() + "…");
        background.run(() -> portal.roles(token, chosen.id()), list -> {
            // An answer for an account no longer chosen is dropped.
            if (chosen.equals(account.get())) {
                roles.setAll(list);
                if (list.size() == 1) {
                    role.set(list.get(0));
                }
                idle(list.size() == 1 ? "1 role" : list.size() + " roles");
            }
        }, this::failed);
    }

    /** The user typed in the name: it is theirs from now on, no longer suggested. */
    public void nameTyped() {
        nameTyped = true;
    }

    /** As `aws configure sso` suggests: ROLE-ACCOUNTID, until the user types a name of their own. */
    private void suggestName() {
        if (!nameTyped && account.get() != null && role.get() != null) {
            name.set(role.get() + "-" + account.get().id());
        }
        validate();
    }

    private void validate() {
        String text;
        if (account.get() == null || role.get() == null) {
            text = "Choose an account and a role.";
        } else {
            text = config.problemWithName(name.get() == null ? "" : name.get().trim());
        }
        problem.set(text == null ? "" : text);
    }

    /** Appends the profile to the AWS config file; a refusal keeps every choice as it was. */
    public void save() {
        if (!problem.get().isEmpty() || saving.get()) {
            return;
        }
        SsoPortal.Account chosen = account.get();
        String chosenRole = role.get();
        String profile = name.get().trim();
        String chosenRegion = region.get() == null ? "" : region.get().trim();
        busy("Saving the profile…");
        saving.set(true);
        background.run(() -> {
            config.addProfile(profile, AwsConfigFile.ssoProfile(sso.sessionName().orElseThrow(), chosen.id(), chosenRole, chosenRegion));
            return profile;
        }, done -> {
            saved.set(true);
            onSaved.accept(done);
        }, error -> {
            saving.set(false);
            failed(error);
            validate();
        });
    }

    private void busy(String text) {
        busy.set(true);
        status.set(text);
    }

    private void idle(String text) {
        busy.set(false);
        status.set(text);
    }

    private void failed(Throwable error) {
        busy.set(false);
        status.set(AwsErrors.explain(error).text());
    }

    /** The accounts the filter lets through. */
    public FilteredList<SsoPortal.Account> shownAccounts() {
        return shownAccounts;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<SsoPortal.Account> accountProperty() {
        return account;
    }

    public ObservableList<String> roles() {
        return roles;
    }

    public ObjectProperty<String> roleProperty() {
        return role;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty regionProperty() {
        return region;
    }

    /** Why the profile cannot be saved yet; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** True while the profile is being written. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    /** True once the profile is in the config file: the window closes. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved;
    }
}
