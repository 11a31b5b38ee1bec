package dev.coffer.parameters.view;

import java.util.function.Consumer;

/**
 * What the tree's folder menu offers that the compare feature does (exports and imports are
 * comparisons with a file): each opens its window for a folder's path. The shell gives them.
 */
public record FolderFiles(Consumer<String> compareWith, Consumer<String> export, Consumer<String> importInto) {
}
