package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.LayerType;

/**
 * Keras {@code GlobalAveragePooling1D} (also read as {@code GlobalAvgPool1D}): the mean
 * over every step, per channel; {@code keepdims} keeps the pooled axes as ones.
 */
public record GlobalAveragePooling1D(String name, DataFormat dataFormat, boolean keepdims)
        implements GlobalPooling {

    public static final LayerType<GlobalAveragePooling1D> TYPE = LayerType.of(GlobalAveragePooling1D.class,
            "GlobalAveragePooling1D", "global_average_pooling1d", DATA_FORMAT, KEEPDIMS)
            .alsoReads("GlobalAvgPool1D").withoutBuildConfig();

    public static GlobalAveragePooling1D create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<GlobalAveragePooling1D> type() {
        return TYPE;
    }

    public GlobalAveragePooling1D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public GlobalAveragePooling1D withName(String name) {
        return name(name);
    }

    public GlobalAveragePooling1D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }

    public GlobalAveragePooling1D keepdims(boolean keepdims) {
        return TYPE.with(this, KEEPDIMS, keepdims);
    }

    @Override
    public int spatialRank() {
        return 1;
    }
}
