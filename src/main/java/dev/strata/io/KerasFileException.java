package dev.strata.io;

/**
 * A Keras model or weights file Strata cannot load: not an archive, a missing member, a weight whose count or shape
 * differs from the model's. The message names the file and the weight; nothing has been loaded when it is thrown.
 */
public final class KerasFileException extends RuntimeException {
    private final String file;

    public KerasFileException(String file, String problem) {
        this(file, problem, null);
    }

    public KerasFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
