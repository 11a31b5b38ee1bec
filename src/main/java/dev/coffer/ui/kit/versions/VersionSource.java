package dev.coffer.ui.kit.versions;

import dev.coffer.aws.Problem;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One item's versions as its store keeps them, for the {@link VersionBrowserViewModel version
 * browser}: what the window lists and compares, and the changes the store allows (restore, labels,
 * and one more where the item needs it) with the store's own rules. Methods marked "in the
 * background" call AWS; the others only look at versions already read.
 *
 * @param <V> one version, as the store reads it
 */
public interface VersionSource<V> {

    /** What a value the user has not revealed yet shows in a comparison. */
    String MASKED_VALUE = "•••••••• (masked: Reveal values to compare)";

    /** One column of the version table. */
    record Column<V>(String header, double width, Function<V, String> text) {
    }

    /** What the user confirms before a change. */
    record Confirmation(String title, String header, String text, String action) {
    }

    /**
     * A change that is planned first (in the background), shown to the user to confirm, then made
     * (in the background), such as rolling a golden AMI parameter back.
     */
    interface PlannedChange<P> {

        /** The button's text. */
        String action();

        /** The button's id, for keyboard users' tools and tests. */
        String id();

        /** The button's icon (an Ikonli literal). */
        String icon();

        /** In the background. */
        P plan();

        Confirmation confirmation(P plan);

        /** In the background; says what was done. */
        String apply(P plan);
    }

    // ---------------------------------------------------------------- the window

    /** The window's title, such as "History of /apps/url". */
    String title();

    /** The line under the title. */
    String introduction();

    List<Column<V>> columns();

    // ---------------------------------------------------------------- reading and comparing

    /** Whether values are read with the versions from the start: only when none is secret. */
    boolean valuesShownAtOnce();

    /** In the background: every version the store keeps, newest first, with values only when asked. */
    List<V> versions(boolean withValues);

    /** Something to warn about, given the versions listed; empty when there is nothing. */
    default Optional<String> warning(List<V> versions) {
        return Optional.empty();
    }

    /** How messages and the comparison name a version ("3", "a1b2c3d4…"). */
    String name(V version);

    /** The text compared line by line: the version's metadata, then its value, or {@link #MASKED_VALUE} until revealed. */
    String compared(V version, boolean revealed);

    // ---------------------------------------------------------------- restoring

    /** The restore button's text. */
    String restoreAction();

    /** Whether restoring {@code version} would change anything, among the {@code versions} listed. */
    boolean canRestore(V version, List<V> versions);

    Confirmation restoreConfirmation(V version);

    /** In the background; says what was done. */
    String restore(V version);

    /** A change offered beside restore for this item only, or empty. */
    default Optional<PlannedChange<?>> extraChange() {
        return Optional.empty();
    }

    // ---------------------------------------------------------------- labels

    List<String> labels(V version);

    /** The label the user means by what they typed. */
    default String label(String typed) {
        return typed;
    }

    /** Every problem of putting {@code label} on {@code version}, checked before any call. */
    List<Problem> checkLabel(String label, V version, List<V> versions);

    /** Whether the label can be taken off (some are only ever moved). */
    default boolean canRemoveLabel(String label) {
        return true;
    }

    /** In the background: puts the label on the version, moving it from any other; says what was done. */
    String addLabel(V version, String label);

    /** In the background: takes the label off the version; says what was done. */
    String removeLabel(V version, String label);

    /** The labels dialog's title. */
    String labelsTitle();

    /** The labels dialog's header for one version. */
    String labelsHeader(V version);

    /** The label rules, as the labels dialog states them. */
    String labelRules();

    /** Example labels, as the label field's prompt. */
    String labelExample();
}
