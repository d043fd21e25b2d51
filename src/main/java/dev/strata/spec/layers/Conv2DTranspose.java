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
import static dev.strata.spec.layers.ConvFields.PADDING;

import dev.strata.spec.Activation;
import dev.strata.spec.ConfigField;
import dev.strata.spec.Constraint;
import dev.strata.spec.Initializer;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerType;
import dev.strata.spec.Regularizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import java.util.List;

/**
 * Keras {@code Conv2DTranspose}: the transposed 2D convolution (the gradient of a convolution with respect to its
 * input), which grows each spatial axis about {@code strides} times. Built fluently: {@code Conv2DTranspose.of(16, 3,
 * 3).strides(2, 2)}. Output sizes follow Keras: valid {@code (n - 1) * s + k + output_padding} (default {@code max(k,
 * s) - k}), same {@code n * s}, or {@code (n - 1) * s + k % 2 + output_padding} when output_padding is given. Dilation
 * is refused: TensorFlow has no CPU kernel for it. Reads Keras 1 {@code Deconvolution2D} ({@code nb_filter}, {@code
 * nb_row}/{@code nb_col}, {@code subsample}, {@code border_mode}, {@code dim_ordering}; {@code output_shape} is
 * dropped, as Keras 2 dropped it).
 */
public record Conv2DTranspose(String name, int filters, IntTuple kernelSize, IntTuple strides, Padding padding,
                              IntTuple outputPadding, DataFormat dataFormat, IntTuple dilationRate,
                              Activation activation, boolean useBias, Initializer kernelInitializer,
                              Initializer biasInitializer, Regularizer kernelRegularizer, Regularizer biasRegularizer,
                              Regularizer activityRegularizer, Constraint kernelConstraint, Constraint biasConstraint,
                              boolean trainable) implements ConvTransposeLayer {

    public static final ConfigField<IntTuple> KERNEL_SIZE = ConvFields.kernelSize(2).splitAlias("nb_row", "nb_col");
    public static final ConfigField<IntTuple> STRIDES = ConvFields.strides(2).alias("subsample");
    public static final ConfigField<IntTuple> OUTPUT_PADDING = ConvFields.outputPadding(2);
    public static final ConfigField<IntTuple> DILATION_RATE = ConvFields.dilationRate(2);

    public static final LayerType<Conv2DTranspose> TYPE = LayerType.of(Conv2DTranspose.class, "Conv2DTranspose",
                    "conv2d_transpose",                     FILTERS, KERNEL_SIZE, STRIDES, PADDING, OUTPUT_PADDING,
                    DATA_FORMAT, DILATION_RATE, ACTIVATION, USE_BIAS, KERNEL_INITIALIZER, BIAS_INITIALIZER,
                    KERNEL_REGULARIZER, BIAS_REGULARIZER, ACTIVITY_REGULARIZER, KERNEL_CONSTRAINT, BIAS_CONSTRAINT)
            .alsoReads("Convolution2DTranspose", "Deconvolution2D", "Deconv2D")
            .ignores("output_shape", "Keras 1 Deconvolution2D wrote it; Keras 2 dropped it, the output shape follows"
                    + " from the input")
            .fixed("groups", "grouped transposed convolutions (tf.keras 2.x wrote groups=1)", 1);

    /** {@code filters} outputs over a window of {@code kernelSize} (one value for every axis, or 2). */
    public static Conv2DTranspose of(int filters, int... kernelSize) {
        return TYPE.make(FILTERS, filters, KERNEL_SIZE, ConvFields.tuple(2, kernelSize));
    }

    @Override
    public LayerType<Conv2DTranspose> type() {
        return TYPE;
    }

    public Conv2DTranspose name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Conv2DTranspose withName(String name) {
        return name(name);
    }

    public Conv2DTranspose strides(int... strides) {
        return TYPE.with(this, STRIDES, ConvFields.tuple(2, strides));
    }

    public Conv2DTranspose padding(Padding padding) {
        return TYPE.with(this, PADDING, padding);
    }

    public Conv2DTranspose outputPadding(int... outputPadding) {
        return TYPE.with(this, OUTPUT_PADDING, ConvFields.tuple(2, outputPadding));
    }

    public Conv2DTranspose dataFormat(DataFormat dataFormat) {
        return TYPE.with(this, DATA_FORMAT, dataFormat);
    }

    public Conv2DTranspose activation(Activation activation) {
        return TYPE.with(this, ACTIVATION, activation);
    }

    public Conv2DTranspose useBias(boolean useBias) {
        return TYPE.with(this, USE_BIAS, useBias);
    }

    public Conv2DTranspose kernelInitializer(Initializer initializer) {
        return TYPE.with(this, KERNEL_INITIALIZER, initializer);
    }

    public Conv2DTranspose biasInitializer(Initializer initializer) {
        return TYPE.with(this, BIAS_INITIALIZER, initializer);
    }

    public Conv2DTranspose kernelRegularizer(Regularizer regularizer) {
        return TYPE.with(this, KERNEL_REGULARIZER, regularizer);
    }

    public Conv2DTranspose biasRegularizer(Regularizer regularizer) {
        return TYPE.with(this, BIAS_REGULARIZER, regularizer);
    }

    public Conv2DTranspose activityRegularizer(Regularizer regularizer) {
        return TYPE.with(this, ACTIVITY_REGULARIZER, regularizer);
    }

    public Conv2DTranspose kernelConstraint(Constraint constraint) {
        return TYPE.with(this, KERNEL_CONSTRAINT, constraint);
    }

    public Conv2DTranspose biasConstraint(Constraint constraint) {
        return TYPE.with(this, BIAS_CONSTRAINT, constraint);
    }

    public Conv2DTranspose trainable(boolean trainable) {
        return TYPE.withTrainable(this, trainable);
    }

    @Override
    public void validate(String where) {
        ConvTransposeLayer.super.validate(where);
        Convolutions.checkTranspose(where, kernelSize, strides, padding, dilationRate, outputPadding);
        WeightSlots.checkBias(where, useBias, biasRegularizer, biasConstraint);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        Convolutions.inputChannels(this, input, where);
        return Convolutions.transposeOutputShape(this, input, where);
    }

    /** {@code kernel} of shape {@code kernel_size + (filters, input_channels)}, then {@code bias}. */
    @Override
    public List<WeightSpec> weights(TensorShape input) {
        int channels = input.dim(Shapes.channelAxis(input, dataFormat));
        return WeightSlots.kernelAndBias(Convolutions.kernelShape(kernelSize, filters, channels), filters, this,
                kernelInitializer, kernelRegularizer, kernelConstraint, useBias, biasInitializer, biasRegularizer,
                biasConstraint);
    }
}
