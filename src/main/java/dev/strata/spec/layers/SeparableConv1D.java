package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.ACTIVATION;
import static dev.strata.spec.layers.CommonFields.ACTIVITY_REGULARIZER;
import static dev.strata.spec.layers.CommonFields.BIAS_CONSTRAINT;
import static dev.strata.spec.layers.CommonFields.BIAS_INITIALIZER;
import static dev.strata.spec.layers.CommonFields.BIAS_REGULARIZER;
import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;
import static dev.strata.spec.layers.CommonFields.USE_BIAS;
import static dev.strata.spec.layers.ConvFields.DEPTHWISE_CONSTRAINT;
import static dev.strata.spec.layers.ConvFields.DEPTHWISE_REGULARIZER;
import static dev.strata.spec.layers.ConvFields.DEPTH_MULTIPLIER;
import static dev.strata.spec.layers.ConvFields.FILTERS;
import static dev.strata.spec.layers.ConvFields.PADDING;
import static dev.strata.spec.layers.ConvFields.POINTWISE_CONSTRAINT;
import static dev.strata.spec.layers.ConvFields.POINTWISE_REGULARIZER;

import dev.strata.spec.Activation;
import dev.strata.spec.ConfigField;
import dev.strata.spec.Constraint;
import dev.strata.spec.Initializer;
import dev.strata.spec.IntTuple;
import dev.strata.spec.LayerType;
import dev.strata.spec.Regularizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras {@code SeparableConv1D}: a depthwise 1D convolution ({@code depth_multiplier} kernels per input channel)
 * followed by a pointwise (1x1) convolution to {@code filters} outputs. Built fluently: {@code SeparableConv1D.of(32,
 * 3).depthMultiplier(2)}. Weights {@code depthwise_kernel}, {@code pointwise_kernel} and {@code bias}, each with its
 * own initializer, regularizer and constraint slot. Also read as {@code SeparableConvolution1D}.
 */
public record SeparableConv1D(String name, int depthMultiplier, int filters, IntTuple kernelSize, IntTuple strides,
                              Padding padding, DataFormat dataFormat, IntTuple dilationRate, Activation activation,
                              boolean useBias, Initializer depthwiseInitializer, Initializer pointwiseInitializer,
                              Initializer biasInitializer, Regularizer depthwiseRegularizer,
                              Regularizer pointwiseRegularizer, Regularizer biasRegularizer,
                              Regularizer activityRegularizer, Constraint depthwiseConstraint,
                              Constraint pointwiseConstraint, Constraint biasConstraint, boolean trainable)
        implements ConvLayer {

    public static final ConfigField<IntTuple> KERNEL_SIZE = ConvFields.kernelSize(1);
    public static final ConfigField<IntTuple> STRIDES = ConvFields.strides(1);
    public static final ConfigField<IntTuple> DILATION_RATE = ConvFields.dilationRate(1);
    /** Keras 1's {@code init} set both kernels' initializer. */
    public static final ConfigField<Initializer> DEPTHWISE_INITIALIZER = ConvFields.DEPTHWISE_INITIALIZER;
    public static final ConfigField<Initializer> POINTWISE_INITIALIZER = ConvFields.POINTWISE_INITIALIZER;

    public static final LayerType<SeparableConv1D> TYPE = LayerType.of(SeparableConv1D.class, "SeparableConv1D",
                    "separable_conv1d",                     DEPTH_MULTIPLIER, FILTERS, KERNEL_SIZE, STRIDES, PADDING,
                    DATA_FORMAT, DILATION_RATE, ACTIVATION, USE_BIAS, DEPTHWISE_INITIALIZER, POINTWISE_INITIALIZER,
                    BIAS_INITIALIZER, DEPTHWISE_REGULARIZER, POINTWISE_REGULARIZER, BIAS_REGULARIZER,
                    ACTIVITY_REGULARIZER, DEPTHWISE_CONSTRAINT, POINTWISE_CONSTRAINT, BIAS_CONSTRAINT)
            .alsoReads("SeparableConvolution1D")
            .fixed("groups", "grouped separable convolutions (tf.keras 2.x wrote groups=1)", 1);

    /** {@code filters} outputs over a window of {@code kernelSize} (one value for every axis, or 1). */
    public static SeparableConv1D of(int filters, int... kernelSize) {
        return TYPE.make(FILTERS, filters, KERNEL_SIZE, ConvFields.tuple(1, kernelSize));
    }

    @Override
    public LayerType<SeparableConv1D> type() {
        return TYPE;
    }

    public SeparableConv1D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public SeparableConv1D withName(String name) {
        return name(name);
    }

    public SeparableConv1D depthMultiplier(int depthMultiplier) {
        return TYPE.with(this, DEPTH_MULTIPLIER, depthMultiplier);
    }

    public SeparableConv1D strides(int... strides) {
        return TYPE.with(this, STRIDES, ConvFields.tuple(1, strides));
    }

    public SeparableConv1D padding(Padding padding) {
        return TYPE.with(this, PADDING, padding);
    }

    public SeparableConv1D dataFormat(DataFormat dataFormat) {
        return TYPE.with(this, DATA_FORMAT, dataFormat);
    }

    public SeparableConv1D dilationRate(int... dilationRate) {
        return TYPE.with(this, DILATION_RATE, ConvFields.tuple(1, dilationRate));
    }

    public SeparableConv1D activation(Activation activation) {
        return TYPE.with(this, ACTIVATION, activation);
    }

    public SeparableConv1D useBias(boolean useBias) {
        return TYPE.with(this, USE_BIAS, useBias);
    }

    public SeparableConv1D depthwiseInitializer(Initializer initializer) {
        return TYPE.with(this, DEPTHWISE_INITIALIZER, initializer);
    }

    public SeparableConv1D pointwiseInitializer(Initializer initializer) {
        return TYPE.with(this, POINTWISE_INITIALIZER, initializer);
    }

    public SeparableConv1D biasInitializer(Initializer initializer) {
        return TYPE.with(this, BIAS_INITIALIZER, initializer);
    }

    public SeparableConv1D depthwiseRegularizer(Regularizer regularizer) {
        return TYPE.with(this, DEPTHWISE_REGULARIZER, regularizer);
    }

    public SeparableConv1D pointwiseRegularizer(Regularizer regularizer) {
        return TYPE.with(this, POINTWISE_REGULARIZER, regularizer);
    }

    public SeparableConv1D biasRegularizer(Regularizer regularizer) {
        return TYPE.with(this, BIAS_REGULARIZER, regularizer);
    }

    public SeparableConv1D activityRegularizer(Regularizer regularizer) {
        return TYPE.with(this, ACTIVITY_REGULARIZER, regularizer);
    }

    public SeparableConv1D depthwiseConstraint(Constraint constraint) {
        return TYPE.with(this, DEPTHWISE_CONSTRAINT, constraint);
    }

    public SeparableConv1D pointwiseConstraint(Constraint constraint) {
        return TYPE.with(this, POINTWISE_CONSTRAINT, constraint);
    }

    public SeparableConv1D biasConstraint(Constraint constraint) {
        return TYPE.with(this, BIAS_CONSTRAINT, constraint);
    }

    public SeparableConv1D trainable(boolean trainable) {
        return TYPE.withTrainable(this, trainable);
    }

    @Override
    public void validate(String where) {
        ConvLayer.super.validate(where);
        Convolutions.checkPadding(where, padding, false);
        WeightSlots.checkBias(where, useBias, biasRegularizer, biasConstraint);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        Convolutions.inputChannels(this, input, where);
        return Convolutions.depthwiseOutputShape(this, input, where, filters);
    }

    /**
     * {@code depthwise_kernel} of shape {@code kernel_size + (input_channels, depth_multiplier)}, {@code
     * pointwise_kernel} of shape {@code (1,) * rank + (input_channels * depth_multiplier, filters)}, then {@code bias}.
     */
    @Override
    public List<WeightSpec> weights(TensorShape input) {
        int channels = input.dim(Shapes.channelAxis(input, dataFormat));
        List<WeightSpec> weights = new ArrayList<>(3);
        weights.add(WeightSlots.kernel("depthwise_kernel", Convolutions.kernelShape(kernelSize, channels,
                depthMultiplier), this, depthwiseInitializer, depthwiseRegularizer, DEPTHWISE_REGULARIZER.key(),
                depthwiseConstraint));
        weights.add(WeightSlots.kernel("pointwise_kernel", Convolutions.kernelShape(IntTuple.repeat(1, rank()),
                channels * depthMultiplier, filters), this, pointwiseInitializer, pointwiseRegularizer,
                POINTWISE_REGULARIZER.key(), pointwiseConstraint));
        if (useBias) {
            weights.add(WeightSlots.bias(filters, this, biasInitializer, biasRegularizer, biasConstraint));
        }
        return weights;
    }
}
