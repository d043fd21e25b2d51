package dev.strata.spec;

/**
 * Base of every error Strata raises for a model definition it cannot accept. The message always names
 * where the problem is (a layer, a JSON path, a file), so a user can fix the spec without a debugger.
 */
public class SpecException extends IllegalArgumentException {
    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
