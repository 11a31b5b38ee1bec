package dev.coffer.parameters;

import java.util.List;

/**
 * What importing an export file would do (see {@link ParameterImport#plan}): parameters to
 * create, to update, already equal, and skipped (each "name: reason"). Carries no values.
 */
public record ImportPlan(List<ImportItem> creates, List<ImportItem> updates, List<String> unchanged, List<String> skipped) {

    /**
     * One parameter to create or update, without its value.
     *
     * @param changes for an update, what changes in words ("data type text → aws:ec2:image", "value"); empty for a create
     */
    public record ImportItem(String name, ParameterType type, String description, ParameterTier tier, ParameterDataType dataType,
                             List<String> changes) {

        public ImportItem {
            changes = List.copyOf(changes);
        }
    }

    public ImportPlan {
        creates = List.copyOf(creates);
        updates = List.copyOf(updates);
        unchanged = List.copyOf(unchanged);
        skipped = List.copyOf(skipped);
    }

    /** Whether applying the plan would change anything. */
    public boolean hasChanges() {
        return !creates.isEmpty() || !updates.isEmpty();
    }
}
