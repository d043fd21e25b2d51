package dev.strata.graph;

import dev.strata.spec.LayerCallSummary;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.TensorShape;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * What a kernel gets for one call of its layer: the layer's name scope, its input tensors and shapes, its weights,
 * the mode the graph is built in, seeds for random ops (derived from the layer's name, so adding a layer never
 * re-seeds the others, and from the step, so a resumed run draws what an uninterrupted one would), and a way to
 * update state weights in training.
 */
public final class LayerCall {
    private final Ops tf;
    private final LayerCallSummary call;
    private final String prefix;
    private final List<Flow> inputs;
    private final Map<String, ModelVariable> variables;
    private final TowerMode mode;
    private final boolean noise;
    private final long seed;
    private final Operand<TInt64> step;
    private final List<StateUpdate> updates;
    private final int maxSequenceLength;

    /** A call of a layer of a chain (one input, first call). */
    LayerCall(Ops tf, LayerSummary row, List<Flow> inputs, Map<String, ModelVariable> variables, TowerMode mode,
              boolean noise, long seed, Operand<TInt64> step, List<StateUpdate> updates) {
        this(tf, new LayerCallSummary(row, 0, List.of(), row.inputShapes(), row.outputShapes()), "", inputs,
                variables, mode, noise, seed, step, updates, CompileOptions.DEFAULT_MAX_SEQUENCE_LENGTH);
    }

    /**
     * @param prefix the path of the model the layer sits in, {@code ""} at top level or {@code "encoder/"} inside a
     *     nested model: its weights are looked up under it
     */
    LayerCall(Ops tf, LayerCallSummary call, String prefix, List<Flow> inputs, Map<String, ModelVariable> variables,
              TowerMode mode, boolean noise, long seed, Operand<TInt64> step, List<StateUpdate> updates,
              int maxSequenceLength) {
        this.tf = tf;
        this.maxSequenceLength = maxSequenceLength;
        this.call = call;
        this.prefix = prefix;
        this.inputs = List.copyOf(inputs);
        this.variables = variables;
        this.mode = mode;
        this.noise = noise;
        this.seed = seed;
        this.step = step;
        this.updates = updates;
    }

    /** The layer's own name scope: ops built here are named {@code layer/...}. */
    public Ops tf() {
        return tf;
    }

    /** The single input of a one-input layer. */
    public Flow input() {
        if (inputs.size() != 1) {
            throw new IllegalStateException(call.layer().name() + " has " + inputs.size() + " inputs");
        }
        return inputs.get(0);
    }

    public List<Flow> inputs() {
        return inputs;
    }

    /** The shape of one example of the (first) input, without the batch axis. */
    public TensorShape inputShape() {
        return call.inputShapes().get(0);
    }

    /** The shapes of every input of this call. */
    public List<TensorShape> inputShapes() {
        return call.inputShapes();
    }

    /** The shape of one example of the (first) output, as the spec computed it. */
    public TensorShape outputShape() {
        return call.outputShapes().get(0);
    }

    /** The shapes of every output of this call. */
    public List<TensorShape> outputShapes() {
        return call.outputShapes();
    }

    /** Which call of the layer this is: 0 for the first, more for a shared layer called again. */
    public int node() {
        return call.node();
    }

    /** The shared read of one of the layer's weights, by its Keras name ({@code kernel}). */
    public Operand<TFloat32> weight(String name) {
        ModelVariable v = variables.get(prefix + call.layer().name() + "/" + name);
        if (v == null) {
            throw new IllegalStateException("layer " + call.layer().name() + " declares no weight '" + name + "'");
        }
        return v.value();
    }

    public TowerMode mode() {
        return mode;
    }

    /** Training behaviour: batch statistics in normalization layers, and state updates. */
    public boolean training() {
        return mode == TowerMode.TRAINING;
    }

    /** Whether dropout and noise layers draw noise: in training, unless the model turned training noise off. */
    public boolean noise() {
        return noise && mode == TowerMode.TRAINING;
    }

    /**
     * A seed pair for TensorFlow's stateless random ops, {@code [seed mixed with salt, step]}: the layer's own seed
     * argument when the spec gives one, else the one derived from its name; the salt tells apart several random
     * draws of one layer. Only in training.
     */
    public Operand<TInt64> randomSeed(Long ownSeed, long salt) {
        if (step == null) {
            throw new IllegalStateException("random ops exist only in the training pass");
        }
        return tf.stack(List.of(tf.constant(Seeds.mix(ownSeed != null ? ownSeed : seed, salt)), step));
    }

    /** The layer's own seed: derived from the model seed and the layer name, unless the spec gives one. */
    public long layerSeed() {
        return seed;
    }

    /**
     * Runs the kernel of {@code inner}, a layer a wrapper holds, on {@code input} of shape {@code innerInput}
     * (without the batch axis): the inner kernel sees this call's scope, mode, seeds and the wrapper's weights,
     * which the wrapper declares under the inner layer's weight names.
     */
    public Flow callWrapped(dev.strata.spec.Layer inner, Flow input, TensorShape innerInput) {
        TensorShape out = inner.outputShape(innerInput, call.layer().name());
        LayerCall wrapped = new LayerCall(tf, new LayerCallSummary(call.row(), call.node(), call.inputs(),
                List.of(innerInput), List.of(out)), prefix, List.of(input), variables, mode, noise, seed, step,
                updates, maxSequenceLength);
        return Kernels.forLayer(inner, call.layer().name()).call(inner, wrapped);
    }

    /** How many steps a sequence of unknown length may have: see {@link CompileOptions#maxSequenceLength}. */
    public int maxSequenceLength() {
        return maxSequenceLength;
    }

    /** Assigns {@code value} to a state weight of the layer when the training step runs; training only. */
    public void updateState(String weight, Operand<TFloat32> value) {
        if (mode != TowerMode.TRAINING) {
            throw new IllegalStateException("state updates exist only in the training pass");
        }
        ModelVariable v = variables.get(prefix + call.layer().name() + "/" + weight);
        if (v == null || v.spec().kind() != dev.strata.spec.WeightSpec.Kind.STATE) {
            throw new IllegalStateException("layer " + call.layer().name() + " declares no state weight '" + weight
                    + "'");
        }
        updates.add(new StateUpdate(v, value));
    }
}
