package dev.strata.train;

/**
 * A CSV file that cannot become a dataset. The message starts with {@code file:line:column} (1-based, the
 * column counted in characters from the start of the line), so IDE consoles turn it into a link to the cell.
 */
public final class CsvFormatException extends IllegalArgumentException {
    private final String source;
    private final int line;
    private final int column;

    public CsvFormatException(String source, int line, int column, String problem) {
        super(source + ":" + line + ":" + column + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** The file name (or other source name) as given to the loader. */
    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
