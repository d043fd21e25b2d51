package dev.strata.spec.layers;

import static dev.strata.spec.layers.CommonFields.ACTIVITY_REGULARIZER;

import dev.strata.spec.ConfigField;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerType;
import dev.strata.spec.Regularizer;
import dev.strata.spec.TensorShape;
import dev.strata.spec.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras {@code TimeDistributed}: one layer applied to every time step of a {@code (batch, steps, ...)} input, its
 * weights shared over time and named as the wrapped layer names them ({@code kernel}, {@code bias}). Any
 * single-input layer without state weights can be wrapped (convolutions, pooling, Flatten, Dropout, recurrent
 * layers over an inner axis, ...); layers with batch statistics (BatchNormalization) and nested models are refused.
 * Keras 1's {@code TimeDistributedDense} is read as a {@link Dense}, which computes the same. The input mask
 * passes through. Built fluently: {@code TimeDistributed.of(Dense.units(8))}.
 */
public record TimeDistributed(String name, Layer layer, Regularizer activityRegularizer, boolean trainable)
        implements Layer {

    public static final ConfigField<Layer> LAYER = ConfigField.layer("layer").required();
    /** Keras 3's wrappers write it only when set. */
    public static final ConfigField<Regularizer> ACTIVITY = ACTIVITY_REGULARIZER.omittedWhenNullInKeras3();

    public static final LayerType<TimeDistributed> TYPE = LayerType.of(TimeDistributed.class, "TimeDistributed",
            "time_distributed", LAYER, ACTIVITY).passingMasks();

    public static TimeDistributed of(Layer layer) {
        return TYPE.make(LAYER, layer);
    }

    @Override
    public LayerType<TimeDistributed> type() {
        return TYPE;
    }

    public TimeDistributed name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public TimeDistributed withName(String name) {
        return name(name);
    }

    public TimeDistributed activityRegularizer(Regularizer regularizer) {
        return TYPE.with(this, ACTIVITY, regularizer);
    }

    public TimeDistributed trainable(boolean trainable) {
        return TYPE.withTrainable(this, trainable);
    }

    @Override
    public void validate(String where) {
        Layer.super.validate(where);
        if (layer instanceof dev.strata.spec.NestedModel) {
            throw new InvalidSpecException(where, "layer", "a model inside TimeDistributed is not supported yet; "
                    + "wrap each of its layers in TimeDistributed instead");
        }
        layer.validate(where + " wrapped layer");
        if (layer.activityRegularizer() != null) {
            throw new InvalidSpecException(where, "layer", "the wrapped layer has an activity_regularizer, which "
                    + "Keras never applies there (TimeDistributed calls the layer's call(), not the layer); remove "
                    + "it or set it on the TimeDistributed layer");
        }
    }

    /** {@code (steps) + layer's output for one step}. */
    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        TensorShape step = stepShape(input, where);
        if (layer.weights(step).stream().anyMatch(w -> w.kind() == WeightSpec.Kind.STATE)) {
            throw new InvalidSpecException(where, "layer", "TimeDistributed(" + layer.kerasClassName() + ") is not "
                    + "supported: Keras computes its batch statistics and updates its state once per time step, "
                    + "which Strata does not build; apply the layer to the sequence directly where it allows");
        }
        TensorShape out = layer.outputShape(step, where);
        int[] dims = new int[out.rank() + 1];
        dims[0] = input.dim(0);
        System.arraycopy(out.dims(), 0, dims, 1, out.rank());
        return TensorShape.of(dims);
    }

    /** The shape one step has: the input's without its steps axis (the batch axis is never in a shape). */
    public static TensorShape stepShape(TensorShape input, String where) {
        if (input.rank() < 2) {
            throw new InvalidSpecException(where, "input", "TimeDistributed needs inputs of rank >= 3 (batch, "
                    + "steps, ...). Received input shape " + input);
        }
        int[] dims = new int[input.rank() - 1];
        System.arraycopy(input.dims(), 1, dims, 0, dims.length);
        return TensorShape.of(dims);
    }

    @Override
    public List<WeightSpec> weights(TensorShape input) {
        List<WeightSpec> out = new ArrayList<>();
        for (WeightSpec w : layer.weights(stepShape(input, kerasClassName()))) {
            out.add(trainable ? w : new WeightSpec(w.name(), w.role(), WeightSpec.Kind.FROZEN, w.shape(),
                    w.initializer(), null, null, w.constraint()));
        }
        return out;
    }

    @Override
    public dev.strata.spec.Activation appliedActivation() {
        return layer.appliedActivation();
    }
}
