package dev.strata.graph;

import dev.strata.spec.Activation;
import dev.strata.spec.ActivationLayer;
import dev.strata.spec.Dense;
import dev.strata.spec.Dropout;
import dev.strata.spec.Flatten;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Builds one forward pass of a validated model on top of shared variable reads. */
final class Forward {
    private final Scopes layers;
    private final Map<String, ModelVariable> variables;
    private final TowerMode mode;
    private final Operand<TInt64> step;
    private final long modelSeed;

    /**
     * @param step the training step counter; dropout masks are a pure function of (seed, step), so a
     *     resumed run draws the same masks as an uninterrupted one. Null outside training.
     */
    Forward(Scopes layers, Map<String, ModelVariable> variables, TowerMode mode, Operand<TInt64> step,
            long modelSeed) {
        this.layers = layers;
        this.variables = variables;
        this.mode = mode;
        this.step = step;
        this.modelSeed = modelSeed;
    }

    Tower build(ModelSummary model, Operand<TFloat32> input) {
        Operand<TFloat32> x = input;
        Operand<TFloat32> logits = null;
        Activation lastActivation = Activation.LINEAR;
        List<Tower.ActivityOutput> activity = new ArrayList<>();
        for (LayerSummary row : model.layers()) {
            Layer layer = row.layer();
            Ops scope = layers.of(layer.name());
            if (layer instanceof Dense dense) {
                Operand<TFloat32> pre = dense(scope, dense, x, row);
                x = Activations.apply(scope, dense.activation(), pre);
                lastActivation = dense.activation();
                logits = pre;
            } else if (layer instanceof ActivationLayer a) {
                Operand<TFloat32> pre = x;
                x = Activations.apply(scope, a.activation(), x);
                lastActivation = a.activation();
                logits = pre;
            } else if (layer instanceof Dropout d) {
                if (mode == TowerMode.TRAINING && d.rate() > 0) {
                    x = dropout(scope, d, row.index(), x);
                    lastActivation = Activation.LINEAR;
                }
            } else if (layer instanceof Flatten) {
                x = scope.reshape(x, scope.constant(new int[] {-1, (int) row.outputShape().size()}));
                lastActivation = Activation.LINEAR;
            } else {
                throw new IllegalStateException("no graph builder for " + layer.kerasClassName());
            }
            if (mode != TowerMode.INFERENCE && layer.activityRegularizer() != null) {
                activity.add(new Tower.ActivityOutput(layer.name(), layer.activityRegularizer(), x));
            }
        }
        boolean hasLogits = lastActivation == Activation.SOFTMAX || lastActivation == Activation.SIGMOID;
        return new Tower(x, hasLogits ? logits : null, lastActivation, activity);
    }

    private Operand<TFloat32> dense(Ops scope, Dense dense, Operand<TFloat32> x, LayerSummary row) {
        Operand<TFloat32> kernel = variables.get(dense.name() + "/kernel").value();
        Operand<TFloat32> y;
        if (row.inputShape().rank() == 1) {
            y = scope.linalg.matMul(x, kernel);
        } else {
            // Keras applies Dense to the last axis of any rank: flatten the leading axes, then restore them.
            Operand<TInt32> shape = scope.shape(x);
            Operand<TInt32> leading = scope.slice(shape, scope.constant(new int[] {0}),
                    scope.constant(new int[] {row.inputShape().rank()}));
            Operand<TFloat32> flat = scope.reshape(x, scope.constant(new int[] {-1, row.inputShape().dim(-1)}));
            Operand<TFloat32> product = scope.linalg.matMul(flat, kernel);
            y = scope.reshape(product, scope.concat(List.of(leading, scope.constant(new int[] {dense.units()})),
                    scope.constant(0)));
        }
        if (dense.useBias()) {
            y = scope.nn.biasAdd(y, variables.get(dense.name() + "/bias").value());
        }
        return y;
    }

    /** Keras semantics: keep with probability 1 - rate, scale kept values by 1 / (1 - rate). */
    private Operand<TFloat32> dropout(Ops scope, Dropout d, int layerIndex, Operand<TFloat32> x) {
        long layerSeed = d.seed() != null ? d.seed() : Seeds.mix(modelSeed, 0x5eed_0000L + layerIndex);
        Operand<TInt64> seed = scope.stack(List.of(scope.constant(layerSeed), step));
        Operand<TFloat32> random = scope.random.statelessRandomUniform(scope.shape(x), seed, TFloat32.class);
        Operand<TFloat32> keep = scope.dtypes.cast(scope.math.greaterEqual(random, scope.constant((float) d.rate())),
                TFloat32.class);
        return scope.math.mul(scope.math.mul(x, scope.constant((float) (1.0 / (1.0 - d.rate())))), keep);
    }
}
