package dev.strata.json;

/**
 * Bounds on what the reader accepts, since a model file is untrusted input. The defaults fit every real Keras
 * topology seen so far (the largest corpus file is under 200 KB and nests 14 levels) with a wide margin.
 *
 * @param maxParams       largest total parameter count; checked on shapes alone, before any weight exists
 * @param maxDocumentChars largest document, in characters
 * @param maxNestingDepth deepest nesting of arrays and objects
 * @param maxStringChars  longest string value (Lambda bytecode is the usual giant)
 */
public record ReaderLimits(long maxParams, long maxDocumentChars, int maxNestingDepth, int maxStringChars) {
    /** The compiler's default too: see {@link dev.strata.spec.SizeLimits#DEFAULT_MAX_PARAMS}. */
    public static final long DEFAULT_MAX_PARAMS = dev.strata.spec.SizeLimits.DEFAULT_MAX_PARAMS;
    public static final long DEFAULT_MAX_DOCUMENT_CHARS = 16L * 1024 * 1024;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 100;
    public static final int DEFAULT_MAX_STRING_CHARS = 1024 * 1024;

    public ReaderLimits {
        if (maxParams <= 0 || maxDocumentChars <= 0 || maxNestingDepth <= 0 || maxStringChars <= 0) {
            throw new IllegalArgumentException("reader limits must be positive");
        }
    }

    public static ReaderLimits defaults() {
        return new ReaderLimits(DEFAULT_MAX_PARAMS, DEFAULT_MAX_DOCUMENT_CHARS, DEFAULT_MAX_NESTING_DEPTH,
                DEFAULT_MAX_STRING_CHARS);
    }

    public ReaderLimits withMaxParams(long max) {
        return new ReaderLimits(max, maxDocumentChars, maxNestingDepth, maxStringChars);
    }

    public ReaderLimits withMaxDocumentChars(long max) {
        return new ReaderLimits(maxParams, max, maxNestingDepth, maxStringChars);
    }

    public ReaderLimits withMaxNestingDepth(int max) {
        return new ReaderLimits(maxParams, maxDocumentChars, max, maxStringChars);
    }
}
