package dev.strata.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.Layer;

/** Reads and writes the {@code config} object of one Keras layer class. */
interface LayerCodec {

    /** Builds the layer from its config; every field must be read, ignored on purpose, or refused. */
    Layer read(Fields config);

    /** The config object, keys in the order Keras writes them. */
    ObjectNode write(Layer layer, Dialect dialect);

    /**
     * Whether Keras 3 records a {@code build_config} for this class: it does for layers with a {@code build}
     * step (Dense, Flatten), not for Dropout or Activation.
     */
    default boolean hasBuildConfig() {
        return true;
    }
}
