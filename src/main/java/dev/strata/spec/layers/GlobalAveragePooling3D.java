package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;

import dev.strata.spec.LayerType;

/**
 * Keras {@code GlobalAveragePooling3D} (also read as {@code GlobalAvgPool3D}): the mean over every
 * spatial position, per channel; {@code keepdims} keeps the pooled axes as ones.
 */
public record GlobalAveragePooling3D(String name, DataFormat dataFormat, boolean keepdims)
        implements GlobalPooling {

    public static final LayerType<GlobalAveragePooling3D> TYPE = LayerType.of(GlobalAveragePooling3D.class,
            "GlobalAveragePooling3D", "global_average_pooling3d", DATA_FORMAT, KEEPDIMS)
            .alsoReads("GlobalAvgPool3D").withoutBuildConfig();

    public static GlobalAveragePooling3D create() {
        return TYPE.defaults();
    }

    @Override
    public LayerType<GlobalAveragePooling3D> type() {
        return TYPE;
    }

    public GlobalAveragePooling3D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public GlobalAveragePooling3D withName(String name) {
        return name(name);
    }

    public GlobalAveragePooling3D dataFormat(DataFormat format) {
        return TYPE.with(this, DATA_FORMAT, format);
    }

    public GlobalAveragePooling3D keepdims(boolean keepdims) {
        return TYPE.with(this, KEEPDIMS, keepdims);
    }

    @Override
    public int spatialRank() {
        return 3;
    }
}
