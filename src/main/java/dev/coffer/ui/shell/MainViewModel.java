package dev.coffer.ui.shell;

import dev.coffer.audit.RevealRecorder;
import dev.coffer.audit.SessionClients;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.AwsSession;
import dev.coffer.aws.CallerIdentity;
import dev.coffer.aws.Cancellation;
import dev.coffer.aws.Connection;
import dev.coffer.aws.ListingIncompleteException;
import dev.coffer.aws.RenewableCredentials;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterTree;
import dev.coffer.parameters.view.ParameterTreeViewModel;
import dev.coffer.secrets.Secret;
import dev.coffer.secrets.view.ReplicationViewModel;
import dev.coffer.secrets.view.SecretListViewModel;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Formats;
import dev.coffer.usage.ConsumerIndex;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The main window's state: which connection is open, what is loading, what went wrong. Loads run
 * on the app's background executor; a newer connection or refresh makes older loads stop.
 */
public final class MainViewModel {

    /** How long a listing's next pages wait for the window's first rows. */
    private static final Duration FIRST_ROWS_WAIT = Duration.ofSeconds(1);

    private final Background background;
    private final RowFeed.Factory feeds;
    private final ParameterTreeViewModel parameters = new ParameterTreeViewModel();
    private final SecretListViewModel secrets = new SecretListViewModel();
    private final DetailsViewModel details;
    private final ReplicationViewModel replication;
    private final AtomicInteger generation = new AtomicInteger();

    private final ObjectProperty<Connection> connection = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper();
    private final ObjectProperty<CallerIdentity> identity = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final BooleanProperty parametersLoading = new SimpleBooleanProperty();
    private final BooleanProperty secretsLoading = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("Not connected");
    private final ObjectProperty<AwsErrors.Problem> problem = new SimpleObjectProperty<>();
    private final BooleanProperty parametersFailed = new SimpleBooleanProperty();
    private final BooleanProperty secretsFailed = new SimpleBooleanProperty();
    private final BooleanProperty showDeletedSecrets = new SimpleBooleanProperty();
    private final BooleanProperty signInOffered = new SimpleBooleanProperty();
    private final StringProperty accountName = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper auditMode = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper();
    private final StringProperty notice = new SimpleStringProperty("");
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(Selection.NONE);
    private final BooleanBinding connected = connection.isNotNull();
    /** The open connection's where-used scan, null until one ran: every Where used window of this connection reads it. */
    private ObjectProperty<ConsumerIndex> connectionScan = new SimpleObjectProperty<>();
    /** The open connection's scan as the details count from it; a scan of an earlier connection never lands here. */
    private final ObjectProperty<ConsumerIndex> consumerIndex = new SimpleObjectProperty<>();
    private final StringBinding usedBy;
    /** The one answer to "is this window read-only": audit mode, which a window never leaves. */
    private final BooleanBinding readOnly = Bindings.createBooleanBinding(
            () -> auditMode.get() || connection.get() != null && connection.get().readOnly(), auditMode, connection);
    private final MainWindowActions actions;

    /** Where listings are remembered for an instant reopen; null when the user turned that off. */
    private ListingCache listingCache;
    /**
     * While a reopened connection shows its last listing: the names (secrets: ARNs) the fresh
     * listing has confirmed so far, and the account the last listing was of. Rows not confirmed
     * when the fresh listing completes are gone from AWS and leave the window; null otherwise.
     */
    private Set<String> listedParameters;
    private Set<String> listedSecrets;
    private String rememberedAccount;
    /** Both listings of the current load completed (after a retry too): what the window shows is the whole connection. */
    private boolean listedInFull;
    /** Where each listing that stopped part way goes on from (a NextToken; null: from the start). */
    private String parametersResumeToken;
    private String secretsResumeToken;
    private volatile OpenConnection open;
    private AwsSession session;
    /** What Cancel stops: the calls of the current connection's load (who it is, and the listings). */
    private Cancellation loads = new Cancellation();

    public MainViewModel(Background background) {
        this(background, PacedFeed.FACTORY);
    }

    /** @param feeds how listed rows reach the lists: paced by frames in the app, at once in view-model tests */
    public MainViewModel(Background background, RowFeed.Factory feeds) {
        this.background = background;
        this.feeds = feeds;
        this.details = new DetailsViewModel(background, () -> open, readOnly::get, this::report);
        this.replication = new ReplicationViewModel(background, () -> open.secrets(), () -> open.clients().session().region(), readOnly::get);
        this.actions = new MainWindowActions(connected, readOnly, selection, details.shownProperty(), details.valueStateProperty(),
                secret -> open != null && secret.replicaOf(open.clients().session().region()).isPresent());
        details.shownProperty().addListener((obs, old, shown) ->
                replication.show(shown instanceof Selection.SecretSelection s ? s.secret() : null));
        this.usedBy = Bindings.createStringBinding(this::usedBy, consumerIndex, details.shownProperty());
        loading.bind(parametersLoading.or(secretsLoading));
        showDeletedSecrets.addListener((obs, old, show) -> refresh());
        selection.addListener((obs, old, selected) -> {
            // A folder, or nothing, leaves the details as they are.
            if (selected instanceof Selection.ParameterSelection p) {
                details.show(p.parameter());
            } else if (selected instanceof Selection.SecretSelection s) {
                details.show(s.secret());
            }
        });
    }

    /** What is selected in the tree or the list; the view sets it, the details follow it. */
    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    /** Whether the window is read-only (audit mode): nothing that could change AWS is offered or sent. */
    public BooleanBinding readOnlyProperty() {
        return readOnly;
    }

    /** When each of the window's actions can be used. */
    public MainWindowActions actions() {
        return actions;
    }

    public ParameterTreeViewModel parameters() {
        return parameters;
    }

    public SecretListViewModel secrets() {
        return secrets;
    }

    public DetailsViewModel details() {
        return details;
    }

    /** The replication section of the details, following the secret they show. */
    public ReplicationViewModel replication() {
        return replication;
    }

    /**
     * The open connection's where-used scan (null until Where used ran). Each connection has its
     * own: a scan that ends after the window opened another connection fills only its own.
     */
    public ObjectProperty<ConsumerIndex> consumerIndexProperty() {
        return connectionScan;
    }

    /** "Used by 2 consumers" for the parameter or secret the details show, once a scan exists; empty before. */
    public StringBinding usedByProperty() {
        return usedBy;
    }

    private String usedBy() {
        ConsumerIndex index = consumerIndex.get();
        Selection shown = details.shownProperty().get();
        int used;
        if (index == null) {
            return "";
        } else if (shown instanceof Selection.ParameterSelection p) {
            used = index.ofParameter(p.parameter().name()).size();
        } else if (shown instanceof Selection.SecretSelection s) {
            used = index.ofSecret(s.secret().arn()).size();
        } else {
            return "";
        }
        return used == 0 ? "No consumer found (Where used…)" : "Used by " + Formats.count(used, "consumer", "consumers");
    }

    public ObjectProperty<Connection> connectionProperty() {
        return connection;
    }

    /** How the window names its connection, with the endpoint its calls go to ({@link AwsSession#label()}); null before the first. */
    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public ObjectProperty<CallerIdentity> identityProperty() {
        return identity;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public BooleanProperty parametersLoadingProperty() {
        return parametersLoading;
    }

    public BooleanProperty secretsLoadingProperty() {
        return secretsLoading;
    }

    /** The last parameter listing stopped with an error: what the tree shows may be only part of them. */
    public BooleanProperty parametersFailedProperty() {
        return parametersFailed;
    }

    /** The last secrets listing stopped with an error. */
    public BooleanProperty secretsFailedProperty() {
        return secretsFailed;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<AwsErrors.Problem> problemProperty() {
        return problem;
    }

    /** The connection's services, or null before the first connection. */
    public OpenConnection openConnection() {
        return open;
    }

    /** Shows a problem in the window's message bar (FX thread). */
    public void report(Throwable error) {
        problem.set(AwsErrors.explain(error));
    }

    public void dismissProblem() {
        problem.set(null);
    }

    /**
     * What Coffer found wrong with the local files it read at start (AWS config, settings) and
     * what it did about it; unlike a problem, it stays when a connection opens, until dismissed.
     */
    public StringProperty noticeProperty() {
        return notice;
    }

    /**
     * Audit mode belongs to the window and is never left: once the window opened a read-only
     * connection, or Coffer was started with --audit, every connection opened in it is read-only,
     * however it was asked for (Connect dialog, recent connections, region switch, a profile added
     * from IAM Identity Center, the sandbox).
     */
    public ReadOnlyBooleanProperty auditModeProperty() {
        return auditMode.getReadOnlyProperty();
    }

    /**
     * Whether the window shows a reopened connection's last listing, remembered on this computer,
     * while the fresh listing runs; false once every row is confirmed, updated or taken out.
     */
    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    /**
     * Remembers each complete listing in {@code cache} and shows it at once the next time the
     * connection opens; null turns both off. An audit window neither writes nor reads it: what an
     * auditor sees comes from AWS in this session only.
     */
    public void useListingCache(ListingCache cache) {
        this.listingCache = cache;
    }

    /** Puts the window in audit mode for good (Coffer started with --audit). */
    public void enterAuditMode() {
        auditMode.set(true);
    }

    /**
     * Switches the window to a session, cancelling whatever the previous one was loading. In an
     * audit window the session is opened read-only whatever it asked for.
     */
    public void open(AwsSession requested) {
        AwsSession newSession = auditMode.get() ? requested.asReadOnly() : requested;
        if (newSession.readOnly()) {
            auditMode.set(true);
        }
        OpenConnection previous = open;
        int gen = generation.incrementAndGet();
        abandonLoads();
        session = newSession;
        open = OpenConnection.of(SessionClients.open(newSession), gen);
        watchExpiry(newSession);
        signInOffered.set(false);
        accountName.set(null);
        label.set(newSession.label());
        connection.set(newSession.connection());
        identity.set(null);
        problem.set(null);
        selection.set(Selection.NONE);
        details.clear();
        ObjectProperty<ConsumerIndex> scan = new SimpleObjectProperty<>();
        scan.addListener((obs, old, index) -> {
            if (connectionScan == scan) {
                consumerIndex.set(index);
            }
        });
        connectionScan = scan;
        consumerIndex.set(null);
        if (previous != null) {
            background.execute(() -> previous.clients().close());
        }
        OpenConnection current = open;
        Cancellation calls = loads;
        background.run(() -> calls.run(() -> current.clients().identity()), id -> {
            if (current == open) {
                identity.set(id);
                if (rememberedAccount != null && !rememberedAccount.equals(id.account())) {
                    // The profile now reaches another account: its last listing is not this one's.
                    dropUnconfirmed();
                }
                remember();
            }
        }, error -> {
            // A cancelled load says so once, from its listings.
            if (current == open && !calls.cancelled()) {
                report(error);
            }
        });
        reload(true);
    }

    public AwsSession session() {
        return session;
    }

    /** The account's name where known (IAM Identity Center profiles), for the window's title. */
    public StringProperty accountNameProperty() {
        return accountName;
    }

    /** Whether this connection can be signed in to again from the window (IAM Identity Center profiles). */
    public BooleanProperty signInOfferedProperty() {
        return signInOffered;
    }

    /**
     * After the user signed in again: the session's credentials are resolved afresh from the new
     * token, for the lists and for every open editor alike, and what failed to load is listed again.
     */
    public void signedIn() {
        if (session != null && session.credentials() instanceof RenewableCredentials renewable) {
            renewable.renew();
        }
        problem.set(null);
        if (parametersFailed.get() || secretsFailed.get()) {
            refresh();
        }
    }

    /** Any call of this session (an editor's Save too) that fails on an expired sign-in shows here, with the offer to sign in again. */
    private void watchExpiry(AwsSession watched) {
        if (watched.credentials() instanceof RenewableCredentials renewable) {
            renewable.onExpired(p -> background.later(() -> {
                if (session == watched) {
                    problem.set(p);
                }
            }));
        }
    }

    /**
     * Copies {@code text}, the revealed value or the part of it selected, with {@code toClipboard}.
     * In audit mode the reveal log's line for the copy is written first, off the FX thread, and the
     * text reaches the clipboard only after it: when the line cannot be written nothing is copied
     * and the message bar says why.
     */
    public void copyValue(String text, Consumer<String> toClipboard) {
        OpenConnection current = open;
        Selection item = details.shownProperty().get();
        if (current == null || text == null || text.isEmpty() || details.valueStateProperty().get() != DetailsViewModel.ValueState.REVEALED) {
            return;
        }
        Optional<RevealRecorder> reveals = SessionClients.reveals(current.clients());
        if (reveals.isEmpty()) {
            copied(text, toClipboard);
            return;
        }
        background.run(() -> {
            if (item instanceof Selection.ParameterSelection p) {
                reveals.get().copied(RevealRecorder.PARAMETER_STORE, p.parameter().name(), String.valueOf(p.parameter().version()));
            } else if (item instanceof Selection.SecretSelection s) {
                reveals.get().copied(RevealRecorder.SECRETS_MANAGER, s.secret().arn(), "AWSCURRENT");
            }
            return text;
        }, logged -> copied(logged, toClipboard), error -> problem.set(reveals.get().copyRefused(error)));
    }

    private void copied(String text, Consumer<String> toClipboard) {
        toClipboard.accept(text);
        status.set("Value copied; the clipboard is cleared in 30 seconds.");
    }

    /**
     * Retry after a listing stopped part way: each listing that stopped goes on from the page that
     * failed, keeping what it already shows; when none stopped, both are listed again from the start.
     */
    public void retry() {
        OpenConnection current = open;
        if (current == null || !parametersFailed.get() && !secretsFailed.get()) {
            refresh();
            return;
        }
        problem.set(null);
        if (loads.cancelled()) {
            loads = new Cancellation();
        }
        int gen = current.generation();
        CompletableFuture<Void> shown = CompletableFuture.completedFuture(null);
        if (parametersFailed.get()) {
            String from = parametersResumeToken;
            resume(parametersLoading, parametersFailed);
            load(gen, (onPage, cancelled) -> current.parameters().listFrom(from, onPage, cancelled), feed(gen, this::listedParameters),
                    parametersLoading, parametersFailed, token -> parametersResumeToken = token, shown, this::parametersListed);
        }
        if (secretsFailed.get()) {
            String from = secretsResumeToken;
            boolean withDeleted = showDeletedSecrets.get();
            resume(secretsLoading, secretsFailed);
            load(gen, (onPage, cancelled) -> current.secrets().listFrom(from, onPage, cancelled, withDeleted), feed(gen, this::listedSecrets),
                    secretsLoading, secretsFailed, token -> secretsResumeToken = token, shown, this::secretsListed);
        }
    }

    private void resume(BooleanProperty loadingFlag, BooleanProperty failedFlag) {
        loadingFlag.set(true);
        failedFlag.set(false);
        updateStatus();
    }

    /** Lists both stores again from the start. */
    public void refresh() {
        if (open == null) {
            return;
        }
        int gen = generation.incrementAndGet();
        abandonLoads();
        open = new OpenConnection(open.clients(), open.parameters(), open.secrets(), gen);
        problem.set(null);
        reload(false);
    }

    /** Re-reads one parameter after it was saved and puts it in the tree (a full refresh of thousands is not needed). */
    public void parameterSaved(String name, Consumer<Parameter> then) {
        OpenConnection current = open;
        if (current == null) {
            return;
        }
        background.run(() -> current.parameters().describe(name), found -> {
            if (current == open && found.isPresent()) {
                listedParameters(List.of(found.get()));
                updateStatus();
                then.accept(found.get());
            }
        }, this::report);
    }

    /** Re-reads parameters made by a copy, move or import and puts them in the tree, also without a full refresh. */
    public void parametersSaved(java.util.Collection<String> names) {
        OpenConnection current = open;
        if (current == null || names.isEmpty()) {
            return;
        }
        List<String> saved = List.copyOf(names);
        background.run(() -> current.parameters().describeAll(saved), found -> {
            if (current == open && !found.isEmpty()) {
                listedParameters(List.copyOf(found.values()));
                updateStatus();
            }
        }, this::report);
    }

    /** Re-reads a secret after it was saved and shows it in the list and the details. */
    public void secretSaved(String name) {
        OpenConnection current = open;
        if (current == null) {
            return;
        }
        background.run(() -> current.secrets().describe(name), secret -> {
            if (current == open) {
                listedSecrets(List.of(secret));
                updateStatus();
                // The selection keeps up with the saved secret (a restore ends its scheduled deletion).
                if (selection.get() instanceof Selection.SecretSelection s && s.secret().arn().equals(secret.arn())) {
                    selection.set(new Selection.SecretSelection(secret));
                }
                details.show(secret);
            }
        }, this::report);
    }

    /** Whether the secrets list includes secrets scheduled for deletion; changing it lists again. */
    public BooleanProperty showDeletedSecretsProperty() {
        return showDeletedSecrets;
    }

    /** Takes a deleted secret out of the list and clears the details. */
    public void secretRemoved(String arn) {
        secrets.remove(arn);
        details.clear();
        updateStatus();
    }

    /** Takes parameters that no longer exist out of the tree. */
    public void parametersRemoved(java.util.Collection<String> names) {
        parameters.remove(names);
        details.clear();
        updateStatus();
    }

    /** Stops every load still running (for example when the window closes); what they would still show is dropped. */
    public void cancelLoads() {
        generation.incrementAndGet();
        abandonLoads();
    }

    /**
     * Cancel while the window loads: the calls waiting for AWS or for a credential_process are
     * aborted at once, what was listed stays, and the window says "Listing cancelled" with Retry,
     * which goes on from where each listing stopped.
     */
    public void cancelLoading() {
        loads.cancel();
    }

    /** Aborts the calls of loads nobody waits for any more, so they keep no thread or connection; later loads get a new Cancellation. */
    private void abandonLoads() {
        Cancellation abandoned = loads;
        loads = new Cancellation();
        abandoned.cancel();
    }

    public void close() {
        cancelLoads();
        OpenConnection last = open;
        open = null;
        if (last != null) {
            last.clients().close();
        }
    }

    /**
     * Lists both stores from the start. When the connection is opened ({@code remembered}) and its
     * last listing is remembered, that shows first, marked as refreshing, and the fresh listing
     * then updates it in place.
     */
    private void reload(boolean remembered) {
        OpenConnection current = open;
        parameters.clear();
        secrets.clear();
        listedParameters = null;
        listedSecrets = null;
        rememberedAccount = null;
        listedInFull = false;
        refreshing.set(false);
        parametersLoading.set(true);
        secretsLoading.set(true);
        parametersFailed.set(false);
        secretsFailed.set(false);
        updateStatus();
        ListingCache cache = cacheInUse();
        if (!remembered || cache == null) {
            list(current);
            return;
        }
        Connection listed = connection.get();
        background.run(() -> cache.read(listed).map(Remembered::of), last -> {
            if (current == open) {
                last.ifPresent(this::showRemembered);
                list(current);
            }
        }, error -> {
            if (current == open) {
                notice.set(notice.get().isEmpty() ? error.getMessage() : notice.get() + "\n" + error.getMessage());
                list(current);
            }
        });
    }

    /** The cache, unless turned off or the window is in audit mode or on the sandbox (new every time it starts). */
    private ListingCache cacheInUse() {
        Connection c = connection.get();
        return listingCache == null || readOnly.get() || c == null || c.sandbox() ? null : listingCache;
    }

    /**
     * A remembered listing made ready off the FX thread: its parameters filed into their folders,
     * its secrets' rows with their search text. At 50,000 parameters and 5,000 secrets that is a
     * few hundred milliseconds of work, which on the FX thread held the window in one frame.
     */
    private record Remembered(String account, ParameterTree parameters, List<SecretListViewModel.Row> secrets) {
        static Remembered of(ListingCache.Listing listing) {
            ParameterTree tree = new ParameterTree();
            tree.addAll(listing.parameters());
            return new Remembered(listing.account(), tree, SecretListViewModel.rowsOf(listing.secrets()));
        }
    }

    private void showRemembered(Remembered last) {
        CallerIdentity who = identity.get();
        if (who != null && !who.account().equals(last.account())) {
            return;
        }
        rememberedAccount = last.account();
        listedParameters = new HashSet<>();
        listedSecrets = new HashSet<>();
        refreshing.set(true);
        parameters.show(last.parameters());
        secrets.addRows(last.secrets());
        updateStatus();
    }

    private void list(OpenConnection current) {
        int gen = current.generation();
        RowFeed<Parameter> parameterRows = feed(gen, this::listedParameters);
        RowFeed<Secret> secretRows = feed(gen, this::listedSecrets);
        CompletableFuture<Void> firstRows = CompletableFuture.allOf(parameterRows.firstRowsShown(), secretRows.firstRowsShown());
        load(gen, (onPage, cancelled) -> current.parameters().listAll(onPage, cancelled), parameterRows, parametersLoading,
                parametersFailed, token -> parametersResumeToken = token, firstRows, this::parametersListed);
        boolean withDeleted = showDeletedSecrets.get();
        load(gen, (onPage, cancelled) -> current.secrets().listAll(onPage, cancelled, withDeleted), secretRows, secretsLoading,
                secretsFailed, token -> secretsResumeToken = token, firstRows, this::secretsListed);
    }

    /** Parameters AWS listed (or a save re-read): added, or updated in place. */
    private void listedParameters(List<Parameter> page) {
        if (listedParameters != null) {
            page.forEach(p -> listedParameters.add(p.name()));
        }
        parameters.addPage(page);
    }

    private void listedSecrets(List<Secret> page) {
        if (listedSecrets != null) {
            page.forEach(s -> listedSecrets.add(s.arn()));
        }
        secrets.addPage(page);
    }

    /** The parameter listing completed: remembered parameters it did not list are gone from AWS. */
    private void parametersListed() {
        if (listedParameters != null) {
            parameters.remove(unconfirmedParameters());
            listedParameters = null;
        }
        listingsDone();
    }

    private void secretsListed() {
        if (listedSecrets != null) {
            secrets.remove(unconfirmedSecrets());
            listedSecrets = null;
        }
        listingsDone();
    }

    private List<String> unconfirmedParameters() {
        return parameters.tree().all().stream().map(Parameter::name).filter(name -> !listedParameters.contains(name)).toList();
    }

    private List<String> unconfirmedSecrets() {
        return secrets.all().stream().map(row -> row.secret().arn()).filter(arn -> !listedSecrets.contains(arn)).toList();
    }

    /** Takes out every remembered row the fresh listing has not confirmed yet; the listing goes on adding. */
    private void dropUnconfirmed() {
        if (listedParameters != null) {
            parameters.remove(unconfirmedParameters());
        }
        if (listedSecrets != null) {
            secrets.remove(unconfirmedSecrets());
        }
        updateStatus();
    }

    private void listingsDone() {
        if (listedParameters == null && listedSecrets == null) {
            refreshing.set(false);
        }
        listedInFull = !parametersLoading.get() && !secretsLoading.get() && !parametersFailed.get() && !secretsFailed.get();
        remember();
    }

    /** Once both listings completed and STS said which account this is: the listing is remembered for the next open. */
    private void remember() {
        ListingCache cache = cacheInUse();
        CallerIdentity who = identity.get();
        if (cache == null || who == null || !listedInFull) {
            return;
        }
        Connection listed = connection.get();
        // all() is a fresh copy: the background write cannot see later pages.
        ListingCache.Listing listing = new ListingCache.Listing(who.account(), parameters.tree().all(),
                secrets.all().stream().map(SecretListViewModel.Row::secret).toList());
        background.run(() -> {
            cache.write(listed, listing);
            return null;
        }, written -> { }, error -> notice.set("Coffer could not remember this listing in " + cache.fileOf(listed)
                + " for the next time it opens; it works on without."));
    }

    /** How a store lists everything: pages to a consumer, until cancelled. */
    private interface Listing<T> {
        void run(Consumer<List<T>> onPage, BooleanSupplier cancelled);
    }

    /** The view's feed for one listing: it takes rows only while {@code gen} is current. */
    private <T> RowFeed<T> feed(int gen, Consumer<List<T>> addPage) {
        return feeds.feed(rows -> {
            if (gen == generation.get()) {
                addPage.accept(rows);
                updateStatus();
            }
        });
    }

    /**
     * Runs one listing in the background; its pages reach the view through {@code feed}, and only
     * while {@code gen} is current. After its first page the listing waits (a second at most) for
     * {@code firstRows}, the first rows of every view on screen: those are the costliest frames of a
     * load (cells built and styled for the first time), and on two cores the listings' next pages
     * (their HTTP, parsing and JIT work) doubled those frames' stalls in the scale benchmark.
     * {@code completed} runs once every page is shown, when the listing did not fail.
     */
    private <T> void load(int gen, Listing<T> listing, RowFeed<T> feed, BooleanProperty loadingFlag, BooleanProperty failedFlag,
            Consumer<String> resumeFrom, CompletableFuture<Void> firstRows, Runnable completed) {
        Cancellation calls = loads;
        background.execute(() -> {
            try {
                boolean[] firstPage = {true};
                calls.run(() -> {
                    listing.run(page -> {
                        background.later(() -> feed.add(page));
                        if (firstPage[0]) {
                            firstPage[0] = false;
                            awaitQuietly(firstRows, FIRST_ROWS_WAIT);
                        }
                    }, () -> gen != generation.get());
                    return null;
                });
            } catch (Exception e) {
                // A listing that stopped part way goes on from its last good page; any other failure from the start.
                String token = e instanceof ListingIncompleteException stopped ? stopped.resumeToken().orElse(null) : null;
                background.later(() -> {
                    if (gen == generation.get()) {
                        resumeFrom.accept(token);
                        failedFlag.set(true);
                        report(e);
                    }
                });
            } finally {
                background.later(() -> feed.finish(() -> {
                    if (gen == generation.get()) {
                        loadingFlag.set(false);
                        if (!failedFlag.get()) {
                            completed.run();
                        }
                        updateStatus();
                    }
                }));
            }
        });
    }

    /** Waits for {@code event} at most {@code wait}; the listing goes on either way. */
    private static void awaitQuietly(CompletableFuture<Void> event, Duration wait) {
        try {
            event.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // A busy or hidden window: go on listing.
        }
    }

    /** "at least 150 parameters" while a listing that stopped part way has not been resumed. */
    private void updateStatus() {
        String counts = (parametersFailed.get() ? "at least " : "") + Formats.count(parameters.totalProperty().get(), "parameter", "parameters")
                + " · " + (secretsFailed.get() ? "at least " : "") + Formats.count(secrets.total(), "secret", "secrets");
        status.set(loading.get() ? (refreshing.get() ? "Refreshing… " : "Loading… ") + counts : counts);
    }
}
