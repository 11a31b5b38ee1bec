package dev.coffer.parameters;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Parameter Store keeps the last {@value #MAX_VERSIONS} versions and drops the oldest on each
 * save; when that oldest version carries a label it refuses the save instead
 * (ParameterMaxVersionLimitExceeded).
 */
public final class VersionLimitWarning {

    public static final int MAX_VERSIONS = 100;

    private VersionLimitWarning() {
    }

    /**
     * A readable warning when the next save will fail because the history is full and its oldest
     * version carries a label; empty otherwise. The history may be in any order.
     */
    public static Optional<String> oldestVersionLabelWarning(List<ParameterVersion> history) {
        if (history == null || history.size() < MAX_VERSIONS) {
            return Optional.empty();
        }
        ParameterVersion oldest = history.stream().min(Comparator.comparingLong(ParameterVersion::version)).orElseThrow();
        if (oldest.labels().isEmpty()) {
            return Optional.empty();
        }
        String labels = oldest.labels().size() == 1
                ? "the label \"" + oldest.labels().get(0) + "\""
                : "the labels \"" + String.join("\", \"", oldest.labels()) + "\"";
        return Optional.of("Version " + oldest.version() + ", the oldest of the " + MAX_VERSIONS + " versions AWS keeps, carries "
                + labels + ". Saving a new version would fail (ParameterMaxVersionLimitExceeded) because AWS must drop that version: "
                + "move " + (oldest.labels().size() == 1 ? "the label" : "the labels") + " to another version first.");
    }
}
