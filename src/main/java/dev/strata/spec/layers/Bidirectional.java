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
 * Keras {@code Bidirectional}: a recurrent layer run forward and a copy run backward over the same sequence, their
 * outputs merged ({@code concat}, {@code sum}, {@code mul}, {@code ave}); with {@code return_sequences} the backward
 * output is flipped back into time order first. As Keras, the spec holds both directions: the forward one named
 * {@code forward_<name>}, the backward one given or derived ({@code go_backwards} set, named
 * {@code backward_<name>}), both with {@code zero_output_for_mask = return_sequences}. Weights are the forward
 * layer's then the backward layer's, named {@code forward_kernel}, ..., {@code backward_bias} (Keras names both
 * {@code kernel}, ...; its paths go through the inner layers' names), and so are their penalty terms
 * ({@code forward_kernel_regularizer}). Built fluently: {@code
 * Bidirectional.of(LSTM.units(32).returnSequences(true)).mergeMode(BidirectionalMergeMode.SUM)}.
 */
public record Bidirectional(String name, BidirectionalMergeMode mergeMode, Layer layer, Layer backwardLayer,
                            Regularizer activityRegularizer, boolean trainable) implements Layer {

    public static final String FORWARD = "forward_";
    public static final String BACKWARD = "backward_";

    public static final ConfigField<BidirectionalMergeMode> MERGE_MODE = ConfigField.choice("merge_mode", BidirectionalMergeMode.class)
            .defaultsTo(BidirectionalMergeMode.CONCAT).nullable();
    public static final ConfigField<Layer> LAYER = ConfigField.layer("layer").required();
    public static final ConfigField<Layer> BACKWARD_LAYER = ConfigField.layer("backward_layer").nullable();
    /** Keras 3's wrappers write it only when set. */
    public static final ConfigField<Regularizer> ACTIVITY = ACTIVITY_REGULARIZER.omittedWhenNullInKeras3();

    public static final LayerType<Bidirectional> TYPE = LayerType.of(Bidirectional.class, "Bidirectional",
                    "bidirectional", MERGE_MODE, LAYER, BACKWARD_LAYER, ACTIVITY)
            .fixed("weights", "initial weights in the config; load them from a checkpoint", (Object) null);

    /** Derives both directions as Keras does, so a spec read back from its own JSON is equal to it. */
    public Bidirectional {
        if (layer instanceof Recurrent forward) {
            String base = forward.name() == null ? forward.namePrefix() : strip(forward.name(), "forward_");
            boolean zero = forward.returnSequences();
            Layer backward = backwardLayer;
            if (backward == null) {
                backward = forward.withDirection("backward_" + strip(base, "backward_"), !forward.goBackwards(),
                        zero);
            } else if (backward instanceof Recurrent b) {
                String bName = b.name() == null ? "backward_" + b.namePrefix() : b.name();
                backward = b.withDirection(bName, b.goBackwards(), b.returnSequences());
            }
            layer = forward.withDirection("forward_" + base, forward.goBackwards(), zero);
            backwardLayer = backward;
        }
    }

    private static String strip(String name, String prefix) {
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    /** Both directions of {@code layer}, concatenated. */
    public static Bidirectional of(Recurrent layer) {
        return TYPE.make(LAYER, layer);
    }

    @Override
    public LayerType<Bidirectional> type() {
        return TYPE;
    }

    public Bidirectional name(String name) {
        return TYPE.renamed(this, name);
    }

    @Override
    public Bidirectional withName(String name) {
        return name(name);
    }

    public Bidirectional mergeMode(BidirectionalMergeMode mergeMode) {
        return TYPE.with(this, MERGE_MODE, mergeMode);
    }

    /** The backward direction, instead of the one derived from the forward layer. */
    public Bidirectional backwardLayer(Recurrent backward) {
        return TYPE.with(this, BACKWARD_LAYER, backward);
    }

    public Bidirectional activityRegularizer(Regularizer regularizer) {
        return TYPE.with(this, ACTIVITY, regularizer);
    }

    public Bidirectional trainable(boolean trainable) {
        return TYPE.withTrainable(this, trainable);
    }

    public Recurrent forward() {
        return (Recurrent) layer;
    }

    public Recurrent backward() {
        return (Recurrent) backwardLayer;
    }

    @Override
    public void validate(String where) {
        Layer.super.validate(where);
        if (!(layer instanceof Recurrent f)) {
            throw new InvalidSpecException(where, "layer", "must be a recurrent layer (SimpleRNN, LSTM or GRU). "
                    + "Received: " + layer.kerasClassName());
        }
        if (!(backwardLayer instanceof Recurrent b)) {
            throw new InvalidSpecException(where, "backward_layer", "must be a recurrent layer (SimpleRNN, LSTM "
                    + "or GRU). Received: " + backwardLayer.kerasClassName());
        }
        f.validate(where + " forward layer");
        b.validate(where + " backward layer");
        if (f.goBackwards() == b.goBackwards()) {
            throw new InvalidSpecException(where, "backward_layer", "must run the other way: both layers have "
                    + "go_backwards=" + f.goBackwards());
        }
        if (f.returnSequences() != b.returnSequences() || f.returnState() != b.returnState()) {
            throw new InvalidSpecException(where, "backward_layer", "must have the forward layer's "
                    + "return_sequences and return_state");
        }
        for (Recurrent r : List.of(f, b)) {
            if (r.activityRegularizer() != null) {
                throw new InvalidSpecException(where, "layer", "an activity_regularizer on a wrapped layer is not "
                        + "supported; set it on the Bidirectional layer");
            }
        }
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        List<TensorShape> all = outputShapes(List.of(input), where);
        if (all.size() > 1) {
            throw new InvalidSpecException(where, mergeMode == null ? "merge_mode" : "return_state", "gives "
                    + all.size() + " tensors (merge_mode=None gives both directions, return_state adds the states);"
                    + " a model built as a chain of layers takes one tensor from each layer, as Keras's Sequential "
                    + "does");
        }
        return all.get(0);
    }

    /** Keras's order: the merged output (or both outputs), then the forward states, then the backward ones. */
    @Override
    public List<TensorShape> outputShapes(List<TensorShape> inputs, String where) {
        List<TensorShape> f = forward().outputShapes(inputs, where);
        List<TensorShape> b = backward().outputShapes(inputs, where);
        List<TensorShape> out = new ArrayList<>();
        if (mergeMode == null) {
            out.add(f.get(0));
            out.add(b.get(0));
        } else if (mergeMode == BidirectionalMergeMode.CONCAT) {
            out.add(f.get(0).withLast(f.get(0).dim(-1) + b.get(0).dim(-1)));
        } else {
            if (!f.get(0).equals(b.get(0))) {
                throw new InvalidSpecException(where, "merge_mode", mergeMode.kerasName() + " needs both directions "
                        + "to give the same shape: " + f.get(0) + " and " + b.get(0));
            }
            out.add(f.get(0));
        }
        out.addAll(f.subList(1, f.size()));
        out.addAll(b.subList(1, b.size()));
        return out;
    }

    @Override
    public List<WeightSpec> weights(TensorShape input) {
        List<WeightSpec> out = new ArrayList<>();
        add(out, FORWARD, layer.weights(input));
        add(out, BACKWARD, backwardLayer.weights(input));
        return out;
    }

    private void add(List<WeightSpec> out, String prefix, List<WeightSpec> inner) {
        for (WeightSpec w : inner) {
            WeightSpec.Kind kind = trainable ? w.kind() : WeightSpec.Kind.FROZEN;
            out.add(new WeightSpec(prefix + w.name(), w.role(), kind, w.shape(), w.initializer(), w.regularizer(),
                    w.regularizerKey() == null ? null : prefix + w.regularizerKey(), w.constraint()));
        }
    }
}
