package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.ACTIVATION;
import static dev.strata.spec.layers.CommonFields.ACTIVITY_REGULARIZER;
import static dev.strata.spec.layers.CommonFields.BIAS_CONSTRAINT;
import static dev.strata.spec.layers.CommonFields.BIAS_INITIALIZER;
import static dev.strata.spec.layers.CommonFields.BIAS_REGULARIZER;
import static dev.strata.spec.layers.CommonFields.DATA_FORMAT;
import static dev.strata.spec.layers.CommonFields.USE_BIAS;
import static dev.strata.spec.layers.ConvFields.DEPTHWISE_CONSTRAINT;
import static dev.strata.spec.layers.ConvFields.DEPTHWISE_INITIALIZER;
import static dev.strata.spec.layers.ConvFields.DEPTHWISE_REGULARIZER;
import static dev.strata.spec.layers.ConvFields.DEPTH_MULTIPLIER;
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
 * Keras {@code DepthwiseConv1D}: each input channel convolved on its own with {@code depth_multiplier} 1D kernels,
 * giving {@code channels * depth_multiplier} outputs. Built fluently: {@code DepthwiseConv1D.of(3).depthMultiplier(2)}.
 * Its one kernel is named {@code kernel}, as in Keras 3, and its slots are {@code depthwise_initializer}, {@code
 * depthwise_regularizer} and {@code depthwise_constraint}. Strides and dilation may be combined, as Keras allows for
 * depthwise convolutions.
 */
public record DepthwiseConv1D(String name, int depthMultiplier, IntTuple kernelSize, IntTuple strides, Padding padding,
                              DataFormat dataFormat, IntTuple dilationRate, Activation activation, boolean useBias,
                              Initializer depthwiseInitializer, Initializer biasInitializer,
                              Regularizer depthwiseRegularizer, Regularizer biasRegularizer,
                              Regularizer activityRegularizer, Constraint depthwiseConstraint,
                              Constraint biasConstraint, boolean trainable) implements ConvLayer {

    public static final ConfigField<IntTuple> KERNEL_SIZE = ConvFields.kernelSize(1);
    public static final ConfigField<IntTuple> STRIDES = ConvFields.strides(1);
    public static final ConfigField<IntTuple> DILATION_RATE = ConvFields.dilationRate(1);

    public static final LayerType<DepthwiseConv1D> TYPE = LayerType.of(DepthwiseConv1D.class, "DepthwiseConv1D",
                    "depthwise_conv1d",                     DEPTH_MULTIPLIER, KERNEL_SIZE, STRIDES, PADDING,
                    DATA_FORMAT, DILATION_RATE, ACTIVATION, USE_BIAS, DEPTHWISE_INITIALIZER, BIAS_INITIALIZER,
                    DEPTHWISE_REGULARIZER, BIAS_REGULARIZER, ACTIVITY_REGULARIZER, DEPTHWISE_CONSTRAINT,
                    BIAS_CONSTRAINT)
            .fixed("groups", "grouped depthwise convolutions (tf.keras 2.x wrote groups=1)", 1);

    /** A depthwise convolution over a window of {@code kernelSize} (one value for every axis, or 1). */
    public static DepthwiseConv1D of(int... kernelSize) {
        return TYPE.make(KERNEL_SIZE, ConvFields.tuple(1, kernelSize));
    }

    @Override
    public LayerType<DepthwiseConv1D> type() {
        return TYPE;
    }

    public DepthwiseConv1D name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public DepthwiseConv1D withName(String name) {
        return name(name);
    }

    public DepthwiseConv1D depthMultiplier(int depthMultiplier) {
        return TYPE.with(this, DEPTH_MULTIPLIER, depthMultiplier);
    }

    public DepthwiseConv1D strides(int... strides) {
        return TYPE.with(this, STRIDES, ConvFields.tuple(1, strides));
    }

    public DepthwiseConv1D padding(Padding padding) {
        return TYPE.with(this, PADDING, padding);
    }

    public DepthwiseConv1D dataFormat(DataFormat dataFormat) {
        return TYPE.with(this, DATA_FORMAT, dataFormat);
    }

    public DepthwiseConv1D dilationRate(int... dilationRate) {
        return TYPE.with(this, DILATION_RATE, ConvFields.tuple(1, dilationRate));
    }

    public DepthwiseConv1D activation(Activation activation) {
        return TYPE.with(this, ACTIVATION, activation);
    }

    public DepthwiseConv1D useBias(boolean useBias) {
        return TYPE.with(this, USE_BIAS, useBias);
    }

    public DepthwiseConv1D depthwiseInitializer(Initializer initializer) {
        return TYPE.with(this, DEPTHWISE_INITIALIZER, initializer);
    }

    public DepthwiseConv1D biasInitializer(Initializer initializer) {
        return TYPE.with(this, BIAS_INITIALIZER, initializer);
    }

    public DepthwiseConv1D depthwiseRegularizer(Regularizer regularizer) {
        return TYPE.with(this, DEPTHWISE_REGULARIZER, regularizer);
    }

    public DepthwiseConv1D biasRegularizer(Regularizer regularizer) {
        return TYPE.with(this, BIAS_REGULARIZER, regularizer);
    }

    public DepthwiseConv1D activityRegularizer(Regularizer regularizer) {
        return TYPE.with(this, ACTIVITY_REGULARIZER, regularizer);
    }

    public DepthwiseConv1D depthwiseConstraint(Constraint constraint) {
        return TYPE.with(this, DEPTHWISE_CONSTRAINT, constraint);
    }

    public DepthwiseConv1D biasConstraint(Constraint constraint) {
        return TYPE.with(this, BIAS_CONSTRAINT, constraint);
    }

    public DepthwiseConv1D trainable(boolean trainable) {
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
        int channels = Convolutions.inputChannels(this, input, where);
        return Convolutions.depthwiseOutputShape(this, input, where, channels * depthMultiplier);
    }

    /** {@code kernel} of shape {@code kernel_size + (input_channels, depth_multiplier)}, then {@code bias}. */
    @Override
    public List<WeightSpec> weights(TensorShape input) {
        int channels = input.dim(Shapes.channelAxis(input, dataFormat));
        List<WeightSpec> weights = new java.util.ArrayList<>(2);
        weights.add(WeightSlots.kernel("kernel", Convolutions.kernelShape(kernelSize, channels, depthMultiplier), this,
                depthwiseInitializer, depthwiseRegularizer, DEPTHWISE_REGULARIZER.key(), depthwiseConstraint));
        if (useBias) {
            weights.add(WeightSlots.bias(channels * depthMultiplier, this, biasInitializer, biasRegularizer,
                    biasConstraint));
        }
        return weights;
    }
}
