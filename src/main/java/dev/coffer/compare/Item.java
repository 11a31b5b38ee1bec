package dev.coffer.compare;

/** A parameter or a secret as one side holds it. No {@code toString} of an item shows a value. */
public sealed interface Item permits ParameterItem, SecretItem {

    /** The full name on its side. */
    String name();

    ItemKind kind();
}
