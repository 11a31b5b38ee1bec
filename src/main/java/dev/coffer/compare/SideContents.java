package dev.coffer.compare;

import java.util.Map;

/** What was read of one side: its parameters and secrets by their names relative to the side's root. */
record SideContents(Map<String, ParameterItem> parameters, Map<String, SecretItem> secrets) {
}
