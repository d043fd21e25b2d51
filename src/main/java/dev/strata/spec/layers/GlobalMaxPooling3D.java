package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.LayerType;

/**
 * Keras {@code GlobalMaxPooling3D} (also read as {@code GlobalMaxPool3D}): the maximum over every
 * spatial position, per channel; {@code keepdims} keeps the pooled axes as ones.
 */
public record GlobalMaxPooling3D(String name, DataFormat dataFormat, boolean keepdims)
        implements GlobalPooling {

    public static final LayerType<GlobalMaxPooling3D> TYPE = LayerType.of(GlobalMaxPooling3D.class,
            "GlobalMaxPooling3D", "global_max_pooling3d", DATA_FORMAT, KEEPDIMS)
            .alsoReads("GlobalMaxPool3D").withoutBuildConfig();

    public static GlobalMaxPooling3D create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<GlobalMaxPooling3D> type() {
        return TYPE;
    }

    public GlobalMaxPooling3D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public GlobalMaxPooling3D withName(String name) {
        return name(name);
    }

    public GlobalMaxPooling3D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }

    public GlobalMaxPooling3D keepdims(boolean keepdims) {
        return TYPE.with(this, KEEPDIMS, keepdims);
    }

    @Override
    public int spatialRank() {
        return 3;
    }
}
