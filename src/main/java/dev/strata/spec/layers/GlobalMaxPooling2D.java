package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.LayerType;

/**
 * Keras {@code GlobalMaxPooling2D} (also read as {@code GlobalMaxPool2D}): the maximum over every
 * spatial position, per channel; {@code keepdims} keeps the pooled axes as ones.
 */
public record GlobalMaxPooling2D(String name, DataFormat dataFormat, boolean keepdims)
        implements GlobalPooling {

    public static final LayerType<GlobalMaxPooling2D> TYPE = LayerType.of(GlobalMaxPooling2D.class,
            "GlobalMaxPooling2D", "global_max_pooling2d", DATA_FORMAT, KEEPDIMS)
            .alsoReads("GlobalMaxPool2D").withoutBuildConfig();

    public static GlobalMaxPooling2D create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<GlobalMaxPooling2D> type() {
        return TYPE;
    }

    public GlobalMaxPooling2D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public GlobalMaxPooling2D withName(String name) {
        return name(name);
    }

    public GlobalMaxPooling2D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }

    public GlobalMaxPooling2D keepdims(boolean keepdims) {
        return TYPE.with(this, KEEPDIMS, keepdims);
    }

    @Override
    public int spatialRank() {
        return 2;
    }
}
