package dev.strata.train;

/**
 * How {@link CsvLoader} reads a CSV file with a header row: which column holds the label, how labels become
 * targets, the separator, and whether to standardize the features. Every other column is a feature, in header
 * order. Immutable; each method returns a changed copy:
 * {@code CsvOptions.label("species").oneHot(3).standardize()}.
 *
 * @param labelName the label column by header name, or null when {@code labelIndex} names it
 * @param labelIndex the label column by zero-based position, or -1 when {@code labelName} names it
 * @param classes the class count for one-hot targets (0 otherwise)
 * @param standardizeFeatures whether features are standardized
 * @param standardizer statistics to standardize with, from the training file; null with
 *     {@code standardizeFeatures} means "compute them from this file"
 * @param classNames the class of each index when labels are names ({@code setosa}, ...), from the training file;
 *     null means "the sorted names this file has" (numeric labels need none)
 */
public record CsvOptions(String labelName, int labelIndex, Labels labels, int classes, char separator,
                         boolean standardizeFeatures, Standardizer standardizer, java.util.List<String> classNames) {
    /**
     * The most classes a label may have (2^24): class indices reach TensorFlow as float32 targets, exact only up to
     * 2^24, and a one-hot row of 2^24 values already takes 64 MB per example.
     */
    public static final int MAX_CLASSES = 1 << 24;

    /** How the label column becomes the target of each example. */
    public enum Labels {
        /** The number itself, one target per example: regression, or a 0/1 label for binary crossentropy. */
        VALUES,
        /** A class index (0, 1, 2, ...), one per example, for sparse categorical crossentropy. */
        SPARSE,
        /** A class index turned into a one-hot row of {@code classes} values, for categorical crossentropy. */
        ONE_HOT
    }

    public CsvOptions {
        if ((labelName == null) == (labelIndex < 0)) {
            throw new IllegalArgumentException("name the label column either by name or by index");
        }
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        if (labels == Labels.ONE_HOT ? classes < 2 : classes != 0) {
            throw new IllegalArgumentException("one-hot labels need a class count >= 2; other labels none, was "
                    + classes);
        }
        if (classes > MAX_CLASSES) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "one-hot labels of %,d classes: "
                    + "more than the %,d a float32 class index can name exactly", classes, MAX_CLASSES));
        }
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw new IllegalArgumentException("separator cannot be a quote or a line break");
        }
        if (standardizer != null && !standardizeFeatures) {
            throw new IllegalArgumentException("a standardizer is only used with standardize");
        }
        if (classNames != null) {
            classNames = java.util.List.copyOf(classNames);
            if (classNames.isEmpty() || new java.util.HashSet<>(classNames).size() != classNames.size()) {
                throw new IllegalArgumentException("class names must be distinct and at least one: " + classNames);
            }
        }
    }

    /** The label column by header name; labels as values, comma separator, no standardization. */
    public static CsvOptions label(String column) {
        if (column == null || column.isEmpty()) {
            throw new IllegalArgumentException("label column name must not be empty");
        }
        return new CsvOptions(column, -1, Labels.VALUES, 0, ',', false, null, null);
    }

    /** The label column by zero-based position. */
    public static CsvOptions labelIndex(int column) {
        if (column < 0) {
            throw new IllegalArgumentException("label column index must be >= 0, was " + column);
        }
        return new CsvOptions(null, column, Labels.VALUES, 0, ',', false, null, null);
    }

    /** Labels are the target values themselves (the default). */
    public CsvOptions values() {
        return new CsvOptions(labelName, labelIndex, Labels.VALUES, 0, separator, standardizeFeatures, standardizer,
                classNames);
    }

    /** Labels are class indices, kept as one index per example. */
    public CsvOptions sparse() {
        return new CsvOptions(labelName, labelIndex, Labels.SPARSE, 0, separator, standardizeFeatures, standardizer,
                classNames);
    }

    /** Labels are class indices in {@code [0, classes)}, turned into one-hot rows. */
    public CsvOptions oneHot(int classes) {
        return new CsvOptions(labelName, labelIndex, Labels.ONE_HOT, classes, separator, standardizeFeatures,
                standardizer, classNames);
    }

    public CsvOptions separator(char separator) {
        return new CsvOptions(labelName, labelIndex, labels, classes, separator, standardizeFeatures, standardizer,
                classNames);
    }

    /** Standardize every feature with this file's mean and standard deviation (use it for training data). */
    public CsvOptions standardize() {
        return new CsvOptions(labelName, labelIndex, labels, classes, separator, true, null, classNames);
    }

    /** Standardize with statistics computed on the training data (use it for validation and test data). */
    public CsvOptions standardize(Standardizer fromTraining) {
        if (fromTraining == null) {
            throw new IllegalArgumentException("standardizer must not be null");
        }
        return new CsvOptions(labelName, labelIndex, labels, classes, separator, true, fromTraining, classNames);
    }

    /**
     * Labels are class names mapped to indices as the training file's were (its {@link CsvData#classNames()}), for
     * validation and test files: a name the training file lacked is an error.
     */
    public CsvOptions classNames(java.util.List<String> names) {
        return new CsvOptions(labelName, labelIndex, labels, classes, separator, standardizeFeatures, standardizer,
                names);
    }
}
