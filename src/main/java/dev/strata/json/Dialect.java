package dev.strata.json;

/** The Keras JSON flavour to write (and the one a document was detected as when read). */
public enum Dialect {
    /** Keras 3 {@code to_json()} / {@code .keras} config.json: {@code module}, {@code registered_name}, dtype policies. */
    KERAS3,
    /** tf.keras 2.x {@code to_json()}: {@code class_name} + {@code config}, {@code batch_input_shape}, dtype strings. */
    KERAS2
}
