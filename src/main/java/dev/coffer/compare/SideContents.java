package dev.coffer.compare;

import java.util.List;
import java.util.Map;

/**
 * What was read of one side: its parameters and secrets by their names relative to the side's
 * root, and the entries of an export file that could not be used.
 */
record SideContents(Map<String, ParameterItem> parameters, Map<String, SecretItem> secrets, List<Rejected> rejected) {

    SideContents(Map<String, ParameterItem> parameters, Map<String, SecretItem> secrets) {
        this(parameters, secrets, List.of());
    }
}
