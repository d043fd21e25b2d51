package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.LayerType;

/**
 * Keras {@code GlobalAveragePooling2D} (also read as {@code GlobalAvgPool2D}): the mean over every
 * spatial position, per channel; {@code keepdims} keeps the pooled axes as ones.
 */
public record GlobalAveragePooling2D(String name, DataFormat dataFormat, boolean keepdims)
        implements GlobalPooling {

    public static final LayerType<GlobalAveragePooling2D> TYPE = LayerType.of(GlobalAveragePooling2D.class,
            "GlobalAveragePooling2D", "global_average_pooling2d", DATA_FORMAT, KEEPDIMS)
            .alsoReads("GlobalAvgPool2D").withoutBuildConfig();

    public static GlobalAveragePooling2D create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<GlobalAveragePooling2D> type() {
        return TYPE;
    }

    public GlobalAveragePooling2D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public GlobalAveragePooling2D withName(String name) {
        return name(name);
    }

    public GlobalAveragePooling2D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }

    public GlobalAveragePooling2D keepdims(boolean keepdims) {
        return TYPE.with(this, KEEPDIMS, keepdims);
    }

    @Override
    public int spatialRank() {
        return 2;
    }
}
