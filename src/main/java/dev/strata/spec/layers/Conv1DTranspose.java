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
 * Keras {@code Conv1DTranspose}: the transposed 1D convolution (the gradient of a convolution with respect to its
 * input), which grows each spatial axis about {@code strides} times. Built fluently: {@code Conv1DTranspose.of(16,
 * 3).strides(2)}. Output sizes follow Keras: valid {@code (n - 1) * s + k + output_padding} (default {@code max(k, s) -
 * k}), same {@code n * s}, or {@code (n - 1) * s + k % 2 + output_padding} when output_padding is given. Dilation is
 * refused: TensorFlow has no CPU kernel for it. Also read as {@code Convolution1DTranspose}.
 */
public record Conv1DTranspose(String name, int filters, IntTuple kernelSize, IntTuple strides, Padding padding,
                              IntTuple outputPadding, DataFormat dataFormat, IntTuple dilationRate,
                              Activation activation, boolean useBias, Initializer kernelInitializer,
                              Initializer biasInitializer, Regularizer kernelRegularizer, Regularizer biasRegularizer,
                              Regularizer activityRegularizer, Constraint kernelConstraint, Constraint biasConstraint,
                              boolean trainable) implements ConvTransposeLayer {

    public static final ConfigField<IntTuple> KERNEL_SIZE = ConvFields.kernelSize(1);
    public static final ConfigField<IntTuple> STRIDES = ConvFields.strides(1);
    public static final ConfigField<IntTuple> OUTPUT_PADDING = ConvFields.outputPadding(1);
    public static final ConfigField<IntTuple> DILATION_RATE = ConvFields.dilationRate(1);

    public static final LayerType<Conv1DTranspose> TYPE = LayerType.of(Conv1DTranspose.class, "Conv1DTranspose",
                    "conv1d_transpose",                     FILTERS, KERNEL_SIZE, STRIDES, PADDING, OUTPUT_PADDING,
                    DATA_FORMAT, DILATION_RATE, ACTIVATION, USE_BIAS, KERNEL_INITIALIZER, BIAS_INITIALIZER,
                    KERNEL_REGULARIZER, BIAS_REGULARIZER, ACTIVITY_REGULARIZER, KERNEL_CONSTRAINT, BIAS_CONSTRAINT)
            .alsoReads("Convolution1DTranspose")
            .fixed("groups", "grouped transposed convolutions (tf.keras 2.x wrote groups=1)", 1);

    /** {@code filters} outputs over a window of {@code kernelSize} (one value for every axis, or 1). */
    public static Conv1DTranspose of(int filters, int... kernelSize) {
        return TYPE.make(FILTERS, filters, KERNEL_SIZE, ConvFields.tuple(1, kernelSize));
    }

    @Override
    public LayerType<Conv1DTranspose> type() {
        return TYPE;
    }

    public Conv1DTranspose name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Conv1DTranspose withName(String name) {
        return name(name);
    }

    public Conv1DTranspose strides(int... strides) {
        return TYPE.with(this, STRIDES, ConvFields.tuple(1, strides));
    }

    public Conv1DTranspose padding(Padding padding) {
        return TYPE.with(this, PADDING, padding);
    }

    public Conv1DTranspose outputPadding(int... outputPadding) {
        return TYPE.with(this, OUTPUT_PADDING, ConvFields.tuple(1, outputPadding));
    }

    public Conv1DTranspose dataFormat(DataFormat dataFormat) {
        return TYPE.with(this, DATA_FORMAT, dataFormat);
    }

    public Conv1DTranspose activation(Activation activation) {
        return TYPE.with(this, ACTIVATION, activation);
    }

    public Conv1DTranspose useBias(boolean useBias) {
        return TYPE.with(this, USE_BIAS, useBias);
    }

    public Conv1DTranspose kernelInitializer(Initializer initializer) {
        return TYPE.with(this, KERNEL_INITIALIZER, initializer);
    }

    public Conv1DTranspose biasInitializer(Initializer initializer) {
        return TYPE.with(this, BIAS_INITIALIZER, initializer);
    }

    public Conv1DTranspose kernelRegularizer(Regularizer regularizer) {
        return TYPE.with(this, KERNEL_REGULARIZER, regularizer);
    }

    public Conv1DTranspose biasRegularizer(Regularizer regularizer) {
        return TYPE.with(this, BIAS_REGULARIZER, regularizer);
    }

    public Conv1DTranspose activityRegularizer(Regularizer regularizer) {
        return TYPE.with(this, ACTIVITY_REGULARIZER, regularizer);
    }

    public Conv1DTranspose kernelConstraint(Constraint constraint) {
        return TYPE.with(this, KERNEL_CONSTRAINT, constraint);
    }

    public Conv1DTranspose biasConstraint(Constraint constraint) {
        return TYPE.with(this, BIAS_CONSTRAINT, constraint);
    }

    public Conv1DTranspose trainable(boolean trainable) {
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
