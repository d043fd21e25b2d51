package dev.strata.spec;

/** Argument checks shared by the spec records; each message follows Keras: expectation, then the received value. */
public final class Checks {
    private Checks() {
    }

    public static void positive(String where, String field, long value) {
        if (value <= 0) {
            throw new InvalidSpecException(where, field, "must be a positive integer. Received: " + field + "=" + value);
        }
    }

    public static void nonNegativeFinite(String where, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            throw new InvalidSpecException(where, field,
                    "must be a non-negative finite number. Received: " + field + "=" + value);
        }
    }

    public static void positiveFinite(String where, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value <= 0) {
            throw new InvalidSpecException(where, field,
                    "must be a positive finite number. Received: " + field + "=" + value);
        }
    }

    public static void finite(String where, String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidSpecException(where, field, "must be a finite number. Received: " + field + "=" + value);
        }
    }

    public static void inHalfOpenUnit(String where, String field, double value) {
        if (Double.isNaN(value) || value < 0 || value >= 1) {
            throw new InvalidSpecException(where, field, "must be in [0, 1). Received: " + field + "=" + value);
        }
    }

    public static void notNull(String where, String field, Object value) {
        if (value == null) {
            throw new InvalidSpecException(where, field, "must not be null");
        }
    }
}
