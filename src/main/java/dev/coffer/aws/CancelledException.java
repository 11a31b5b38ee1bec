package dev.coffer.aws;

/** Work the user cancelled; its message says what stopped, e.g. "Listing cancelled.". */
public final class CancelledException extends CofferException {

    public CancelledException(String message) {
        super(message);
    }
}
