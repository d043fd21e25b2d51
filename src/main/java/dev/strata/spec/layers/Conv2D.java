package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.ACTIVATION;
import static dev.strata.spec.layers.CommonFields.ACTIVITY_REGULARIZER;
import static dev.strata.spec.layers.CommonFields.BIAS_CONSTRAINT;
import static dev.strata.spec.layers.CommonFields.BIAS_INITIALIZER;
import static dev.strata.spec.layers.CommonFields.BIAS_REGULARIZER;
import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;
import static dev.strata.spec.layers.CommonFields.KERNEL_CONSTRAINT;
import static dev.strata.spec.layers.CommonFields.KERNEL_INITIALIZER;
import static dev.strata.spec.layers.CommonFields.KERNEL_REGULARIZER;
import static dev.strata.spec.layers.CommonFields.USE_BIAS;
import static dev.strata.spec.layers.ConvFields.FILTERS;
import static dev.strata.spec.layers.ConvFields.GROUPS;
import static dev.strata.spec.layers.ConvFields.PADDING;

import dev.strata.spec.Activation;
import dev.strata.spec.ConfigField;
import dev.strata.spec.Constraint;
import dev.strata.spec.Initializer;
import dev.strata.spec.IntTuple;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.Regularizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import java.util.List;

/**
 * Keras {@code Conv2D}: a 2D convolution over {@code (batch, rows, cols, channels)} (or channels first). Built
 * fluently: {@code Conv2D.of(32, 3, 3).strides(2, 2).padding(Padding.SAME).activation(RELU)}. Defaults are Keras's:
 * strides 1, padding valid, channels last, no dilation, one group, linear activation, bias on, GlorotUniform kernel,
 * zero bias. Reads Keras 1 {@code Convolution2D} and {@code AtrousConvolution2D} ({@code nb_filter}, {@code
 * nb_row}/{@code nb_col}, {@code subsample}, {@code atrous_rate}, {@code border_mode}, {@code dim_ordering}, ...).
 */
public record Conv2D(String name, int filters, IntTuple kernelSize, IntTuple strides, Padding padding,
                     DataFormat dataFormat, IntTuple dilationRate, int groups, Activation activation, boolean useBias,
                     Initializer kernelInitializer, Initializer biasInitializer, Regularizer kernelRegularizer,
                     Regularizer biasRegularizer, Regularizer activityRegularizer, Constraint kernelConstraint,
                     Constraint biasConstraint, boolean trainable) implements ConvLayer {

    public static final ConfigField<IntTuple> KERNEL_SIZE = ConvFields.kernelSize(2).splitAlias("nb_row", "nb_col");
    public static final ConfigField<IntTuple> STRIDES = ConvFields.strides(2).alias("subsample");
    public static final ConfigField<IntTuple> DILATION_RATE = ConvFields.dilationRate(2).alias("atrous_rate");

    public static final LayerType<Conv2D> TYPE = LayerType.of(Conv2D.class, "Conv2D", "conv2d",
                    FILTERS, KERNEL_SIZE, STRIDES, PADDING, DATA_FORMAT, DILATION_RATE, GROUPS, ACTIVATION, USE_BIAS,
                    KERNEL_INITIALIZER, BIAS_INITIALIZER, KERNEL_REGULARIZER, BIAS_REGULARIZER, ACTIVITY_REGULARIZER,
                    KERNEL_CONSTRAINT, BIAS_CONSTRAINT)
            .alsoReads("Convolution2D", "AtrousConvolution2D")
            .fixed("lora_rank", "LoRA adapters", (Object) null)
            .fixed("lora_alpha", "LoRA adapters", (Object) null);

    /** {@code filters} outputs over a window of {@code kernelSize} (one value for every axis, or 2). */
    public static Conv2D of(int filters, int... kernelSize) {
        return TYPE.make(FILTERS, filters, KERNEL_SIZE, ConvFields.tuple(2, kernelSize));
    }

    @Override
    public LayerType<Conv2D> type() {
        return TYPE;
    }

    public Conv2D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Conv2D withName(String name) {
        return name(name);
    }

    public Conv2D strides(int... strides) {
        return TYPE.with(this, STRIDES, ConvFields.tuple(2, strides));
    }

    public Conv2D padding(Padding padding) {
        return TYPE.with(this, PADDING, padding);
    }

    public Conv2D dataFormat(DataFormat dataFormat) {
        return TYPE.with(this, DATA_FORMAT, dataFormat);
    }

    public Conv2D dilationRate(int... dilationRate) {
        return TYPE.with(this, DILATION_RATE, ConvFields.tuple(2, dilationRate));
    }

    public Conv2D groups(int groups) {
        return TYPE.with(this, GROUPS, groups);
    }

    public Conv2D activation(Activation activation) {
        return TYPE.with(this, ACTIVATION, activation);
    }

    public Conv2D useBias(boolean useBias) {
        return TYPE.with(this, USE_BIAS, useBias);
    }

    public Conv2D kernelInitializer(Initializer initializer) {
        return TYPE.with(this, KERNEL_INITIALIZER, initializer);
    }

    public Conv2D biasInitializer(Initializer initializer) {
        return TYPE.with(this, BIAS_INITIALIZER, initializer);
    }

    public Conv2D kernelRegularizer(Regularizer regularizer) {
        return TYPE.with(this, KERNEL_REGULARIZER, regularizer);
    }

    public Conv2D biasRegularizer(Regularizer regularizer) {
        return TYPE.with(this, BIAS_REGULARIZER, regularizer);
    }

    public Conv2D activityRegularizer(Regularizer regularizer) {
        return TYPE.with(this, ACTIVITY_REGULARIZER, regularizer);
    }

    public Conv2D kernelConstraint(Constraint constraint) {
        return TYPE.with(this, KERNEL_CONSTRAINT, constraint);
    }

    public Conv2D biasConstraint(Constraint constraint) {
        return TYPE.with(this, BIAS_CONSTRAINT, constraint);
    }

    public Conv2D trainable(boolean trainable) {
        return TYPE.withTrainable(this, trainable);
    }

    @Override
    public void validate(String where) {
        ConvLayer.super.validate(where);
        Convolutions.checkPadding(where, padding, false);
        Convolutions.checkStridesAndDilation(where, strides, dilationRate);
        Convolutions.checkGroups(where, filters, groups);
        WeightSlots.checkBias(where, useBias, biasRegularizer, biasConstraint);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        Convolutions.checkInputGroups(where, Convolutions.inputChannels(this, input, where), groups, input);
        return Convolutions.outputShape(this, input, where, filters);
    }

    /** {@code kernel} of shape {@code kernel_size + (input_channels / groups, filters)}, then {@code bias}. */
    @Override
    public List<WeightSpec> weights(TensorShape input) {
        int channels = input.dim(Shapes.channelAxis(input, dataFormat));
        return WeightSlots.kernelAndBias(Convolutions.kernelShape(kernelSize, channels / groups, filters), filters,
                this, kernelInitializer, kernelRegularizer, kernelConstraint, useBias, biasInitializer,
                biasRegularizer, biasConstraint);
    }
}
