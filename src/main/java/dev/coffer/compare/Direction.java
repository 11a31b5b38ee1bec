package dev.coffer.compare;

/** Which way a promotion copies. */
public enum Direction {
    LEFT_TO_RIGHT,
    RIGHT_TO_LEFT
}
