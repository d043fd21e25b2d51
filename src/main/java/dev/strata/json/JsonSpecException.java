package dev.strata.json;

import dev.strata.spec.SpecException;

/**
 * A model JSON that Strata cannot load, with the JSON path of the offending value and, where the parser
 * knows it, its line and column: {@code model.json:14:20: $.config.layers[2].config.units: must be a positive
 * integer. Received: units=-3}.
 */
public class JsonSpecException extends SpecException {

    /** Why the document was refused; lets tools group errors without parsing messages. */
    public enum Kind {
        /** Not well-formed JSON, or beyond a size or nesting limit of the parser. */
        SYNTAX,
        /** A value of the wrong type or out of range, a missing field, an inconsistent model. */
        INVALID,
        /** Valid Keras that Strata does not support yet: a layer class, a field value, a graph shape. */
        UNSUPPORTED,
        /** Something that would run code from the file (Lambda layers, lambdas, unregistered custom objects). */
        UNSAFE,
        /** Over a configured size limit, such as the parameter count. */
        TOO_LARGE
    }

    private final Kind kind;
    private final String path;
    private final String problem;
    private final String feature;
    private final String source;
    private final int line;
    private final int column;

    public JsonSpecException(Kind kind, String path, String problem, String feature, String source, int line,
                             int column, Throwable cause) {
        super(format(path, problem, source, line, column), cause);
        this.kind = kind;
        this.path = path;
        this.problem = problem;
        this.feature = feature;
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String format(String path, String problem, String source, int line, int column) {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source).append(':');
            if (line > 0) {
                sb.append(line).append(':').append(column).append(':');
            }
            sb.append(' ');
        }
        sb.append(path).append(": ").append(problem);
        if (source == null && line > 0) {
            sb.append(" (line ").append(line).append(", column ").append(column).append(')');
        }
        return sb.toString();
    }

    public Kind kind() {
        return kind;
    }

    /** JSONPath of the offending value, for example {@code $.config.layers[2].config.units}. */
    public String path() {
        return path;
    }

    /** The message without path and location. */
    public String problem() {
        return problem;
    }

    /** The Keras class or field at fault ({@code Conv2D}, {@code kernel_constraint}), or null. */
    public String feature() {
        return feature;
    }

    /** The file name the document came from, or null. */
    public String source() {
        return source;
    }

    /** 1-based line of the offending value, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the offending value, or 0 when unknown. */
    public int column() {
        return column;
    }
}
