package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.LayerType;

/**
 * Keras {@code GlobalMaxPooling1D} (also read as {@code GlobalMaxPool1D}): the maximum
 * over every step, per channel; {@code keepdims} keeps the pooled axes as ones.
 */
public record GlobalMaxPooling1D(String name, DataFormat dataFormat, boolean keepdims)
        implements GlobalPooling {

    public static final LayerType<GlobalMaxPooling1D> TYPE = LayerType.of(GlobalMaxPooling1D.class,
            "GlobalMaxPooling1D", "global_max_pooling1d", DATA_FORMAT, KEEPDIMS)
            .alsoReads("GlobalMaxPool1D").withoutBuildConfig();

    public static GlobalMaxPooling1D create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<GlobalMaxPooling1D> type() {
        return TYPE;
    }

    public GlobalMaxPooling1D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public GlobalMaxPooling1D withName(String name) {
        return name(name);
    }

    public GlobalMaxPooling1D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }

    public GlobalMaxPooling1D keepdims(boolean keepdims) {
        return TYPE.with(this, KEEPDIMS, keepdims);
    }

    @Override
    public int spatialRank() {
        return 1;
    }
}
