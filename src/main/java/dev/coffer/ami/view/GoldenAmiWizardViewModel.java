package dev.coffer.ami.view;

import dev.coffer.ami.CurrentImage;
import dev.coffer.ami.GoldenImageUpdate;
import dev.coffer.ami.ImageCatalog;
import dev.coffer.ami.ImageConsumers;
import dev.coffer.ami.ImageIds;
import dev.coffer.ami.ImageReplacement;
import dev.coffer.ami.ImageSearch;
import dev.coffer.ami.MachineImage;
import dev.coffer.aws.AwsErrors;
import dev.coffer.aws.InvalidDraftException;
import dev.coffer.aws.Problem;
import dev.coffer.aws.SecretText;
import dev.coffer.parameters.Parameter;
import dev.coffer.parameters.ParameterConflictException;
import dev.coffer.parameters.ParameterRules;
import dev.coffer.parameters.ParameterStore;
import dev.coffer.ui.kit.Background;
import dev.coffer.ui.kit.Formats;
import dev.coffer.ui.kit.WizardViewModel;
import dev.coffer.usage.ConsumerIndex;
import dev.coffer.usage.view.ConsumerScan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The golden AMI wizard: the parameters and the image each names now, the new image (search, id
 * or public parameter), the new image beside the current ones, a review of every change, then
 * apply, verify and a summary. Every input is checked before any call. The review and the summary
 * list the launch templates and stacks that use the parameters (from the connection's where-used
 * scan, run on the review when there is none yet): which follow the new image by themselves and
 * which need an action. The update does not wait for that list, nor fails with it.
 */
public final class GoldenAmiWizardViewModel extends WizardViewModel<GoldenAmiWizardViewModel.Page> {

    public enum Page { PARAMETERS, NEW_IMAGE, COMPARE, REVIEW, DONE }

    /** How long the wizard reads a parameter back before saying AWS has not accepted the new version. */
    private static final Duration VERIFY_WAIT = Duration.ofSeconds(30);

    /** One line of the comparison: a field of the new image, then of each current one. */
    public record ComparedField(String field, List<String> values) {
    }

    private static final List<String> COMPARED = List.of("Image id", "Name", "Description", "Created", "Architecture", "Platform",
            "Owner", "State", "Deprecation");
    private static final List<Function<MachineImage, String>> COMPARED_VALUES = List.of(MachineImage::id, MachineImage::name,
            MachineImage::description, i -> i.created().map(Formats::dateTime).orElse(""), MachineImage::architecture,
            MachineImage::platform, MachineImage::owner, MachineImage::state, i -> i.deprecation().map(Formats::dateTime).orElse("none"));

    private final ParameterStore parameters;
    private final ImageCatalog catalog;
    private final GoldenImageUpdate update;
    private final Consumer<List<String>> onChanged;

    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final StringProperty nameToAdd = new SimpleStringProperty("");
    private final ObservableList<CurrentImage> currents = FXCollections.observableArrayList();
    private final StringProperty currentWarnings = new SimpleStringProperty("");

    private final StringProperty owner = new SimpleStringProperty("self");
    private final StringProperty namePattern = new SimpleStringProperty("");
    private final StringProperty architecture = new SimpleStringProperty("");
    private final StringProperty platform = new SimpleStringProperty("");
    private final ObservableList<MachineImage> found = FXCollections.observableArrayList();
    private final StringProperty imageId = new SimpleStringProperty("");
    private final StringProperty publicParameter = new SimpleStringProperty("");

    private final ObjectProperty<MachineImage> newImage = new SimpleObjectProperty<>();
    private final ObservableList<String> compareHeadings = FXCollections.observableArrayList();
    private final ObservableList<ComparedField> comparison = FXCollections.observableArrayList();
    private final StringProperty compareWarnings = new SimpleStringProperty("");
    private final BooleanProperty needsConfirmation = new SimpleBooleanProperty();
    private final BooleanProperty confirmed = new SimpleBooleanProperty();

    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty label = new SimpleStringProperty(GoldenImageUpdate.DEFAULT_LABEL);
    private final StringProperty previousLabel = new SimpleStringProperty(GoldenImageUpdate.DEFAULT_PREVIOUS_LABEL);
    private final ObservableList<String> planLines = FXCollections.observableArrayList();
    private final StringProperty reviewProblems = new SimpleStringProperty("");

    private final ObservableList<String> results = FXCollections.observableArrayList();

    private final ConsumerScan consumerScan;
    private final ObservableList<String> followers = FXCollections.observableArrayList();
    private final ObservableList<String> needAction = FXCollections.observableArrayList();
    private final StringProperty consumersNote = new SimpleStringProperty("");
    private final BooleanBinding canLookForConsumers;
    /** Kept so the weak listener on the window's cache lives as long as the wizard. */
    private final ChangeListener<Object> consumersChanged = (o, was, now) -> refreshConsumers();

    /**
     * @param consumerScan the connection's where-used scan, for the launch templates and stacks that use the parameters
     * @param start        the parameter the wizard starts from, or empty to create one
     * @param onChanged    told the names of the parameters that may have changed, after apply (also a failed one)
     */
    public GoldenAmiWizardViewModel(Background background, ParameterStore parameters, ImageCatalog catalog, GoldenImageUpdate update,
                                    ConsumerScan consumerScan, Optional<Parameter> start, Consumer<List<String>> onChanged) {
        super(background, Page.class);
        this.parameters = parameters;
        this.catalog = catalog;
        this.update = update;
        this.consumerScan = consumerScan;
        this.onChanged = onChanged;
        // The window's cache outlives the wizard: a weak listener lets the wizard go when it closes.
        consumerScan.indexProperty().addListener(new WeakChangeListener<>(consumersChanged));
        consumerScan.scanningProperty().addListener(consumersChanged);
        consumerScan.progressProperty().addListener(consumersChanged);
        consumerScan.failureProperty().addListener(consumersChanged);
        names.addListener((ListChangeListener<String>) c -> refreshConsumers());
        canLookForConsumers = Bindings.createBooleanBinding(() -> consumerScan.indexProperty().get() == null
                && !consumerScan.scanningProperty().get(), consumerScan.indexProperty(), consumerScan.scanningProperty());
        start.ifPresent(p -> names.add(p.name()));
        readyWhen(Page.PARAMETERS, Bindings.isNotEmpty(names));
        readyWhen(Page.COMPARE, needsConfirmation.not().or(confirmed));
        readyWhen(Page.REVIEW, reviewProblems.isEmpty());
        label.addListener(o -> refreshReview());
        previousLabel.addListener(o -> refreshReview());
        note.addListener(o -> refreshReview());
    }

    @Override
    protected void enter(Page page) {
        switch (page) {
            case PARAMETERS -> loadCurrent();
            case COMPARE -> compare();
            case REVIEW -> {
                refreshReview();
                refreshConsumers();
                // Reads only, in the background: Apply need not wait for it. A scan the user stopped, or
                // that failed, is not started again by itself: Look for consumers does that.
                if (consumerScan.failureProperty().get().isEmpty()) {
                    consumerScan.ensure();
                }
            }
            default -> { }
        }
    }

    @Override
    protected void leave(Page page, Runnable proceed) {
        switch (page) {
            case NEW_IMAGE -> readNewImage(proceed);
            case REVIEW -> apply(proceed);
            default -> proceed.run();
        }
    }

    // ---------------------------------------------------------------- 1: parameters and their current image

    /** The names of the parameters to move, one per environment for example. */
    public ObservableList<String> names() {
        return names;
    }

    /** The name typed to add to the list. */
    public StringProperty nameToAddProperty() {
        return nameToAdd;
    }

    /** Adds the typed name (an existing parameter or one to create) after checking it, and reads what it holds. */
    public void addParameter() {
        String name = nameToAdd.get().trim();
        List<Problem> problems = ParameterRules.checkName(name);
        if (!problems.isEmpty()) {
            say(problems);
        } else if (!names.contains(name)) {
            names.add(name);
            nameToAdd.set("");
            loadCurrent();
        }
    }

    public void removeParameter(String name) {
        if (names.remove(name)) {
            loadCurrent();
        }
    }

    /** Each parameter with the image it names now. */
    public ObservableList<CurrentImage> currents() {
        return currents;
    }

    /** Why some current images should not stay golden images, one a line; empty when none. */
    public ReadOnlyStringProperty currentWarningsProperty() {
        return currentWarnings;
    }

    private void loadCurrent() {
        List<String> wanted = List.copyOf(names);
        work("Reading the parameters and their images…", () -> {
            Map<String, Parameter> existing = parameters.describeAll(wanted);
            Map<String, SecretText> values = parameters.values(existing.values().stream().filter(p -> !p.isSecure()).map(Parameter::name).toList());
            Map<String, Optional<MachineImage>> images = new LinkedHashMap<>();
            List<CurrentImage> rows = new ArrayList<>();
            for (String name : wanted) {
                Parameter p = existing.get(name);
                if (p == null) {
                    rows.add(CurrentImage.created(name));
                } else if (p.isSecure()) {
                    rows.add(new CurrentImage(name, OptionalLong.of(p.version()), "", true, Optional.empty()));
                } else {
                    String value = Optional.ofNullable(values.get(name)).map(SecretText::reveal).orElse("");
                    Optional<MachineImage> image = ImageIds.valid(value) ? images.computeIfAbsent(value, catalog::describe) : Optional.empty();
                    rows.add(new CurrentImage(name, OptionalLong.of(p.version()), value, false, image));
                }
            }
            return rows;
        }, rows -> {
            currents.setAll(rows);
            Instant now = Instant.now();
            currentWarnings.set(String.join("\n", rows.stream().map(c -> c.warning(now)).flatMap(Optional::stream).toList()));
        });
    }

    /** The version a row shows: its number, or "new" for a parameter the update creates. */
    public static String version(CurrentImage c) {
        return c.version().isPresent() ? String.valueOf(c.version().getAsLong()) : "new";
    }

    /** The value a row shows; a SecureString's is never read. */
    public static String value(CurrentImage c) {
        return c.secure() ? "(SecureString)" : c.value();
    }

    // ---------------------------------------------------------------- 2: the new image

    /** Whose images to search: self, amazon, aws-marketplace or an account id. */
    public StringProperty ownerProperty() {
        return owner;
    }

    /** An image name with AWS's wildcards (* and ?); empty for any. */
    public StringProperty namePatternProperty() {
        return namePattern;
    }

    /** One of {@link ImageSearch#ARCHITECTURES}; empty for any. */
    public StringProperty architectureProperty() {
        return architecture;
    }

    /** One of {@link ImageSearch#PLATFORMS}; empty for any. */
    public StringProperty platformProperty() {
        return platform;
    }

    /** The images the last search found, newest first. */
    public ObservableList<MachineImage> found() {
        return found;
    }

    /** The id of the image to move to: typed, chosen from the search or resolved from a public parameter. */
    public StringProperty imageIdProperty() {
        return imageId;
    }

    /** A public parameter that names the latest image, such as /aws/service/ami-amazon-linux-latest/…. */
    public StringProperty publicParameterProperty() {
        return publicParameter;
    }

    /** Searches after checking owner, name, architecture and platform, every problem at once. */
    public void search() {
        ImageSearch search = new ImageSearch(owner.get(), namePattern.get(), architecture.get(), platform.get());
        if (!search.problems().isEmpty()) {
            say(search.problems());
            return;
        }
        work("Searching images…", () -> catalog.search(search), images -> {
            found.setAll(images);
            say(images.isEmpty() ? "No image matches." : images.size() + " images, newest first.");
        });
    }

    /** Takes an image of the search as the new image. */
    public void choose(MachineImage image) {
        if (image != null) {
            imageId.set(image.id());
        }
    }

    /** Takes the image the public parameter names as the new image. */
    public void resolvePublicParameter() {
        String name = publicParameter.get().trim();
        if (!name.startsWith(ImageCatalog.PUBLIC_PREFIX)) {
            say(List.of(new Problem("publicParameter", "A public parameter starts with " + ImageCatalog.PUBLIC_PREFIX + ".")));
            return;
        }
        work("Resolving " + name + "…", () -> catalog.resolvePublicParameter(name), imageId::set);
    }

    private void readNewImage(Runnable proceed) {
        List<Problem> problems = ImageIds.check("imageId", imageId.get());
        if (!problems.isEmpty()) {
            say(problems);
            return;
        }
        String wanted = imageId.get().trim();
        work("Reading " + wanted + "…", () -> catalog.describe(wanted), image -> {
            if (image.isEmpty()) {
                say("AWS knows no image " + wanted + " in this region, or it is not shared with this account.");
                return;
            }
            newImage.set(image.get());
            confirmed.set(false);
            proceed.run();
        });
    }

    // ---------------------------------------------------------------- 3: compare

    public ReadOnlyObjectProperty<MachineImage> newImageProperty() {
        return newImage;
    }

    /** The comparison's columns: the new image, then each current one. */
    public ObservableList<String> compareHeadings() {
        return compareHeadings;
    }

    public ObservableList<ComparedField> comparison() {
        return comparison;
    }

    /** Changes of architecture or platform and the new image's own warnings, one a line. */
    public ReadOnlyStringProperty compareWarningsProperty() {
        return compareWarnings;
    }

    /** The architecture or platform changes: Next waits for {@link #confirmedProperty}. */
    public ReadOnlyBooleanProperty needsConfirmationProperty() {
        return needsConfirmation;
    }

    public BooleanProperty confirmedProperty() {
        return confirmed;
    }

    private void compare() {
        MachineImage next = newImage.get();
        List<MachineImage> current = currents.stream().map(CurrentImage::image).flatMap(Optional::stream).distinct().toList();
        List<String> headings = new ArrayList<>(List.of("New"));
        for (int c = 0; c < current.size(); c++) {
            headings.add("Current" + (current.size() > 1 ? " " + (c + 1) : ""));
        }
        compareHeadings.setAll(headings);
        List<ComparedField> rows = new ArrayList<>();
        for (int r = 0; r < COMPARED.size(); r++) {
            Function<MachineImage, String> field = COMPARED_VALUES.get(r);
            List<String> values = new ArrayList<>(List.of(field.apply(next)));
            current.forEach(c -> values.add(field.apply(c)));
            rows.add(new ComparedField(COMPARED.get(r), values));
        }
        comparison.setAll(rows);
        ImageReplacement replacement = new ImageReplacement(current, next);
        needsConfirmation.set(replacement.changesArchitectureOrPlatform());
        compareWarnings.set(String.join("\n", replacement.warnings(Instant.now())));
    }

    // ---------------------------------------------------------------- 4: review and apply

    /** An optional change note, saved as the parameters' description. */
    public StringProperty noteProperty() {
        return note;
    }

    /** The label for the new version; empty for none. */
    public StringProperty labelProperty() {
        return label;
    }

    /** The label for the version that was current; empty for none. */
    public StringProperty previousLabelProperty() {
        return previousLabel;
    }

    /** One line per parameter: what Apply will do to it. */
    public ObservableList<String> planLines() {
        return planLines;
    }

    /** Every problem of names, image id, note and labels, one a line; Apply waits until there are none. */
    public ReadOnlyStringProperty reviewProblemsProperty() {
        return reviewProblems;
    }

    private void refreshReview() {
        String id = imageId.get();
        String l = label.get().trim();
        String pl = previousLabel.get().trim();
        reviewProblems.set(lines(GoldenImageUpdate.check(List.copyOf(names), id, note.get(), l, pl)));
        List<String> preview = new ArrayList<>();
        for (CurrentImage c : currents) {
            StringBuilder s = new StringBuilder(c.parameter()).append(": ");
            s.append(c.isNew() ? "created with " + id : (value(c).isEmpty() ? "?" : value(c)) + " (version " + version(c) + ") → " + id);
            s.append(", data type aws:ec2:image");
            if (!l.isEmpty()) {
                s.append("; label ").append(l).append(" moves to the new version");
            }
            if (!pl.isEmpty() && !c.isNew()) {
                s.append("; ").append(pl).append(" to version ").append(version(c));
            }
            preview.add(s.toString());
        }
        planLines.setAll(preview);
    }

    private void apply(Runnable proceed) {
        List<String> wanted = List.copyOf(names);
        String id = imageId.get().trim();
        String n = note.get();
        String l = label.get().trim();
        String pl = previousLabel.get().trim();
        change("Checking the parameters…", () -> {
            GoldenImageUpdate.Plan plan = update.plan(wanted, id, n, l, pl);
            List<GoldenImageUpdate.Applied> applied = update.apply(plan, this::sayLater);
            List<String> lines = new ArrayList<>();
            for (GoldenImageUpdate.Applied a : applied) {
                sayLater("Reading " + a.name() + " back…");
                GoldenImageUpdate.Verification v = update.verify(a.name(), a.version(), VERIFY_WAIT);
                StringBuilder s = new StringBuilder(a.name()).append(": version ").append(a.version()).append(" holds ").append(id);
                a.previousVersion().ifPresent(pv -> s.append(" (was version ").append(pv).append(")"));
                if (!l.isEmpty()) {
                    s.append("; ").append(l).append(" → version ").append(a.version());
                }
                if (!pl.isEmpty() && a.previousVersion().isPresent()) {
                    s.append("; ").append(pl).append(" → version ").append(a.previousVersion().getAsLong());
                }
                s.append(v == GoldenImageUpdate.Verification.VISIBLE ? ". Verified: AWS shows the new version."
                        : ". Not visible after " + VERIFY_WAIT.toSeconds() + " s: AWS may have rejected it (it checks that the image exists and is shared with the account).");
                lines.add(s.toString());
            }
            return lines;
        }, lines -> {
            results.setAll(lines);
            finish();
            onChanged.accept(wanted);
            proceed.run();
        }, error -> {
            if (error instanceof InvalidDraftException invalid) {
                say(invalid.problems());
            } else if (error instanceof ParameterConflictException) {
                say(AwsErrors.explain(error).text() + " Go back to the first page to read the parameters again.");
            } else {
                say(AwsErrors.explain(error).text() + " Parameters listed before the failure may already be updated.");
            }
            onChanged.accept(wanted);
        });
    }

    // ---------------------------------------------------------------- 4 and 5: who uses the parameters

    /** Launch templates that follow the new image by themselves (at their next launch), one a line, each after its parameter. */
    public ObservableList<String> followers() {
        return followers;
    }

    /** Pinned launch templates and stacks, which need an action to use the new image, one a line, each after its parameter. */
    public ObservableList<String> needAction() {
        return needAction;
    }

    /** How many follow and need an action, the scan's progress, or why the consumers are unknown. */
    public ReadOnlyStringProperty consumersNoteProperty() {
        return consumersNote;
    }

    public ReadOnlyBooleanProperty lookingForConsumersProperty() {
        return consumerScan.scanningProperty();
    }

    /** Look for consumers is offered: none known and no scan running (it failed or was cancelled). */
    public BooleanBinding canLookForConsumersProperty() {
        return canLookForConsumers;
    }

    /** Scans the connection for consumers (again, after a failed or cancelled scan). */
    public void lookForConsumers() {
        consumerScan.scan();
    }

    /** Stops the scan; the wizard goes on with the consumers unknown. */
    public void stopLookingForConsumers() {
        consumerScan.cancel();
    }

    private void refreshConsumers() {
        ConsumerIndex index = consumerScan.indexProperty().get();
        if (index == null) {
            followers.clear();
            needAction.clear();
            String failure = consumerScan.failureProperty().get();
            consumersNote.set(consumerScan.scanningProperty().get()
                    ? "Looking for the launch templates and stacks that use these parameters… " + consumerScan.progressProperty().get()
                    : !failure.isEmpty() ? "Consumers unknown: " + failure + " The update does not need them; check them later with Where used…"
                    : "Consumers unknown: the connection has not been scanned for them yet.");
            return;
        }
        ImageConsumers split = ImageConsumers.of(index, List.copyOf(names));
        followers.setAll(split.follow());
        needAction.setAll(split.needAction());
        if (split.isEmpty() && !index.unread().isEmpty()) {
            consumersNote.set("Consumers unknown: " + String.join(" ", index.unread()) + " The update does not need them.");
            return;
        }
        String note = split.isEmpty() ? "No launch template or stack of this account and region uses these parameters."
                : split.follow().size()
                + (split.follow().size() == 1 ? " follows the new image by itself and " : " follow the new image by themselves and ")
                + split.needAction().size() + (split.needAction().size() == 1 ? " needs an action." : " need an action.");
        consumersNote.set(index.unread().isEmpty() ? note
                : note + " Not read, so consumers there are unknown: " + String.join(" ", index.unread()));
    }

    // ---------------------------------------------------------------- 5: summary

    /** What changed, version by version, and whether AWS shows it. */
    public ObservableList<String> results() {
        return results;
    }
}
