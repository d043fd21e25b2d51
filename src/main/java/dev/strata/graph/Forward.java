package dev.strata.graph;

import dev.strata.spec.FunctionalInput;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerCallSummary;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.NestedModel;
import dev.strata.spec.TensorRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Builds one forward pass of a validated model on top of shared variable reads: one kernel call per layer call, in
 * data-flow order, each consuming the tensors its call refers to. A shared layer's calls read the same variables.
 */
final class Forward {
    private final Scopes layers;
    private final ScopeNames names;
    private final Map<String, ModelVariable> variables;
    private final TowerMode mode;
    private final boolean noise;
    private final Operand<TInt64> step;
    private final long modelSeed;
    private final int maxSequenceLength;

    /**
     * @param noise whether dropout and noise layers draw noise in training
     * @param step the training step counter; random masks are a pure function of (seed, step), so a resumed run
     *     draws the same masks as an uninterrupted one. Null outside training.
     */
    Forward(Scopes layers, ScopeNames names, Map<String, ModelVariable> variables, TowerMode mode, boolean noise,
            Operand<TInt64> step, long modelSeed) {
        this(layers, names, variables, mode, noise, step, modelSeed, CompileOptions.DEFAULT_MAX_SEQUENCE_LENGTH);
    }

    /** @param maxSequenceLength see {@link CompileOptions#maxSequenceLength} */
    Forward(Scopes layers, ScopeNames names, Map<String, ModelVariable> variables, TowerMode mode, boolean noise,
            Operand<TInt64> step, long modelSeed, int maxSequenceLength) {
        this.layers = layers;
        this.maxSequenceLength = maxSequenceLength;
        this.names = names;
        this.variables = variables;
        this.mode = mode;
        this.noise = noise;
        this.step = step;
        this.modelSeed = modelSeed;
    }

    /** The pass over a one-input model. */
    Tower build(ModelSummary model, Operand<TFloat32> input) {
        return build(model, List.of(input));
    }

    /** The pass over the model's inputs, one operand per input in the model's order. */
    Tower build(ModelSummary model, List<? extends Operand<TFloat32>> inputs) {
        Map<TensorRef, Flow> tensors = new HashMap<>();
        List<FunctionalInput> modelInputs = model.inputs();
        for (int i = 0; i < modelInputs.size(); i++) {
            tensors.put(TensorRef.of(modelInputs.get(i).name()), Flow.of(inputs.get(i)));
        }
        List<Tower.ActivityOutput> activity = new ArrayList<>();
        List<StateUpdate> updates = new ArrayList<>();
        run(model, tensors, "", "", names, activity, updates);
        List<Flow> outputs = new ArrayList<>(model.outputs().size());
        model.outputs().forEach(ref -> outputs.add(tensors.get(ref)));
        return new Tower(outputs, activity, updates);
    }

    /**
     * Every call of {@code model}, consuming and adding to {@code tensors}. A nested model's calls run here too,
     * their weights under {@code varPrefix} (the nested model's name and a slash) and their ops under the nested
     * model's call scope.
     */
    private void run(ModelSummary model, Map<TensorRef, Flow> tensors, String varPrefix, String scopePrefix,
                     ScopeNames scopeNames, List<Tower.ActivityOutput> activity, List<StateUpdate> updates) {
        for (LayerCallSummary call : model.calls()) {
            Layer layer = call.layer();
            List<Flow> in = new ArrayList<>(call.inputs().size());
            call.inputs().forEach(ref -> in.add(tensors.get(ref)));
            String scope = scopePrefix + callScope(scopeNames, call);
            List<Flow> out;
            if (layer instanceof NestedModel nested) {
                ModelSummary inner = nested.model().summary();
                Map<TensorRef, Flow> innerTensors = new HashMap<>();
                for (int i = 0; i < in.size(); i++) {
                    innerTensors.put(TensorRef.of(inner.inputs().get(i).name()), in.get(i));
                }
                run(inner, innerTensors, varPrefix + layer.name() + "/", scope + "/", ScopeNames.of(inner), activity,
                        updates);
                out = new ArrayList<>();
                for (TensorRef ref : inner.outputs()) {
                    out.add(innerTensors.get(ref));
                }
            } else {
                LayerCall lc = new LayerCall(layers.of(scope), call, varPrefix, in, variables, mode, noise,
                        Seeds.forPath(modelSeed, varPrefix + layer.name() + (call.node() == 0 ? "" : "#" + call.node())),
                        step, updates, maxSequenceLength);
                out = Kernels.forLayer(layer, call.row().where()).callAll(layer, lc);
            }
            for (int k = 0; k < out.size(); k++) {
                Flow f = out.get(k);
                if (f.mask() == null && in.size() == 1 && layer.type().passesMask()) {
                    f = f.withMask(in.get(0).mask());
                }
                tensors.put(call.output(k), f);
                if (mode != TowerMode.INFERENCE && layer.activityRegularizer() != null) {
                    String term = activityName(call, k, out.size());
                    activity.add(new Tower.ActivityOutput(varPrefix + layer.name(), varPrefix + term,
                            scopePrefix + activityScope(scopeNames, call, term), layer.activityRegularizer(),
                            f.value()));
                }
            }
        }
    }

    /** Visits every call with the scope prefix it runs under, nested models' calls included. */
    static void visit(ModelSummary model, String scopePrefix, ScopeNames scopeNames, CallVisitor visitor) {
        for (LayerCallSummary call : model.calls()) {
            String scope = scopePrefix + callScope(scopeNames, call);
            visitor.call(call, scopePrefix, scopeNames);
            if (call.layer() instanceof NestedModel nested) {
                ModelSummary inner = nested.model().summary();
                visit(inner, scope + "/", ScopeNames.of(inner), visitor);
            }
        }
    }

    /** What {@link #visit} calls back with. */
    interface CallVisitor {
        void call(LayerCallSummary call, String scopePrefix, ScopeNames scopeNames);
    }

    /** The scope, relative to a tower, of an activity term. */
    static String activityScope(ScopeNames scopeNames, LayerCallSummary call, String term) {
        return scopeNames.of(call.layer().name()) + "/" + term.substring(term.indexOf('/') + 1);
    }

    /** The scope of one call: the layer's own for its first call, a {@code call_k} scope under it for the others. */
    static String callScope(ScopeNames names, LayerCallSummary call) {
        String scope = names.of(call.layer().name());
        return call.node() == 0 ? scope : scope + "/call_" + call.node();
    }

    /** {@code layer/activity_regularizer}, with the call and output told apart when there are several. */
    static String activityName(LayerCallSummary call, int output, int outputs) {
        String name = call.layer().name() + "/activity_regularizer";
        if (call.node() > 0) {
            name += "_call" + call.node();
        }
        return outputs > 1 ? name + "_output" + output : name;
    }
}
