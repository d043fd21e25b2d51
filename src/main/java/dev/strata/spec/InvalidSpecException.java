package dev.strata.spec;

/**
 * A spec value is out of range or inconsistent. {@link #where()} names the layer (or other owner) and
 * {@link #field()} the Keras argument, so tools such as the JSON reader can turn them into a path.
 */
public class InvalidSpecException extends SpecException {
    private final String where;
    private final String field;
    private final String problem;

    public InvalidSpecException(String where, String field, String problem) {
        super(where + ": " + (field == null ? "" : field + " ") + problem);
        this.where = where;
        this.field = field;
        this.problem = problem;
    }

    /** What is wrong, without the owner and field in front: {@code must be a positive integer. Received: ...}. */
    public String problem() {
        return problem;
    }

    /** The owner of the bad value, for example {@code layer 'dense_1' (Dense, layers[1])}. */
    public String where() {
        return where;
    }

    /** The Keras name of the bad argument, for example {@code units}; null for a whole-object problem. */
    public String field() {
        return field;
    }
}
