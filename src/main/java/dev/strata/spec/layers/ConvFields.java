package dev.strata.spec.layers;

import dev.strata.spec.ConfigField;
import dev.strata.spec.Constraint;
import dev.strata.spec.Initializer;
import dev.strata.spec.IntTuple;
import dev.strata.spec.Regularizer;
import dev.strata.spec.WeightSpec.Role;

/**
 * Config fields of the convolution layers, with Keras 3's defaults. The tuple fields depend on the number of
 * spatial axes, so they are made per layer, where each layer also declares the Keras 1 spellings Keras 2 read for
 * it ({@code nb_row}/{@code nb_col}, {@code subsample}, {@code filter_length}, ...).
 */
public final class ConvFields {
    private ConvFields() {
    }

    public static final ConfigField<Integer> FILTERS = ConfigField.integer("filters").required().positive()
            .alias("nb_filter");
    public static final ConfigField<Padding> PADDING = ConfigField.choice("padding", Padding.class)
            .defaultsTo(Padding.VALID).alias("border_mode");
    public static final ConfigField<Integer> GROUPS = ConfigField.integer("groups").defaultsTo(1).positive();
    public static final ConfigField<Integer> DEPTH_MULTIPLIER = ConfigField.integer("depth_multiplier").defaultsTo(1)
            .positive();
    public static final ConfigField<Initializer> DEPTHWISE_INITIALIZER = ConfigField.initializer(
            "depthwise_initializer").defaultsTo(Initializer.glorotUniform());
    public static final ConfigField<Initializer> POINTWISE_INITIALIZER = ConfigField.initializer(
            "pointwise_initializer").defaultsTo(Initializer.glorotUniform());
    public static final ConfigField<Regularizer> DEPTHWISE_REGULARIZER = ConfigField.regularizer(
            "depthwise_regularizer", Role.KERNEL);
    public static final ConfigField<Regularizer> POINTWISE_REGULARIZER = ConfigField.regularizer(
            "pointwise_regularizer", Role.KERNEL);
    public static final ConfigField<Constraint> DEPTHWISE_CONSTRAINT = ConfigField.constraint("depthwise_constraint");
    public static final ConfigField<Constraint> POINTWISE_CONSTRAINT = ConfigField.constraint("pointwise_constraint");

    /** The window size: an int or {@code rank} positive ints, required. */
    static ConfigField<IntTuple> kernelSize(int rank) {
        return ConfigField.ints("kernel_size", rank).required().positive();
    }

    static ConfigField<IntTuple> strides(int rank) {
        return ConfigField.ints("strides", rank).defaultsTo(IntTuple.repeat(1, rank)).positive();
    }

    static ConfigField<IntTuple> dilationRate(int rank) {
        return ConfigField.ints("dilation_rate", rank).defaultsTo(IntTuple.repeat(1, rank)).positive();
    }

    /** Transposed convolutions only; null (Keras's default) lets the padding mode decide the output size. */
    static ConfigField<IntTuple> outputPadding(int rank) {
        return ConfigField.ints("output_padding", rank).nullable().atLeast(0);
    }

    /** {@code (3)} or {@code (3, 5)} for a 2D layer: one value is repeated over every spatial axis, as Keras does. */
    static IntTuple tuple(int rank, int... values) {
        return values.length == 1 ? IntTuple.repeat(values[0], rank) : IntTuple.of(values);
    }
}
