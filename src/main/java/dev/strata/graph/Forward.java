package dev.strata.graph;

import dev.strata.spec.Layer;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Builds one forward pass of a validated model on top of shared variable reads, one kernel call per layer. */
final class Forward {
    private final Scopes layers;
    private final ScopeNames names;
    private final Map<String, ModelVariable> variables;
    private final TowerMode mode;
    private final boolean noise;
    private final Operand<TInt64> step;
    private final long modelSeed;

    /**
     * @param noise whether dropout and noise layers draw noise in training
     * @param step the training step counter; random masks are a pure function of (seed, step), so a resumed run
     *     draws the same masks as an uninterrupted one. Null outside training.
     */
    Forward(Scopes layers, ScopeNames names, Map<String, ModelVariable> variables, TowerMode mode, boolean noise,
            Operand<TInt64> step, long modelSeed) {
        this.layers = layers;
        this.names = names;
        this.variables = variables;
        this.mode = mode;
        this.noise = noise;
        this.step = step;
        this.modelSeed = modelSeed;
    }

    Tower build(ModelSummary model, Operand<TFloat32> input) {
        Flow x = Flow.of(input);
        List<Tower.ActivityOutput> activity = new ArrayList<>();
        List<StateUpdate> updates = new ArrayList<>();
        for (LayerSummary row : model.layers()) {
            Layer layer = row.layer();
            LayerCall call = new LayerCall(layers.of(names.of(layer.name())), row, List.of(x), variables, mode, noise,
                    Seeds.forPath(modelSeed, layer.name()), step, updates);
            Flow out = Kernels.forLayer(layer, row.where()).callAll(layer, call).get(0);
            x = out.mask() == null && layer.type().passesMask() ? out.withMask(x.mask()) : out;
            if (mode != TowerMode.INFERENCE && layer.activityRegularizer() != null) {
                activity.add(new Tower.ActivityOutput(layer.name(), layer.activityRegularizer(), x.value()));
            }
        }
        return new Tower(x.value(), x.logits(), x.logitsOf(), activity, updates);
    }
}
