package dev.strata.graph;

import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelPenalty;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.WeightSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Builds every penalty from the model's (weight, regularizer) pairs, so no regularizer can be stored and
 * never summed. Frozen weights get no penalty, as in Keras 3.
 */
final class RegularizationTerms {
    private RegularizationTerms() {
    }

    static List<RegularizationTerm> forWeights(Scopes root, ModelSummary summary, Map<String, ModelVariable> vars,
                                               List<ModelPenalty> penalties) {
        List<RegularizationTerm> terms = new ArrayList<>();
        for (LayerSummary row : summary.layers()) {
            for (WeightSpec w : row.weights()) {
                if (w.regularizer() == null || !w.trainable()) {
                    continue;
                }
                ModelVariable v = vars.get(row.layer().name() + "/" + w.name());
                RegularizationTerm.Kind kind = w.role() == WeightSpec.Role.BIAS
                        ? RegularizationTerm.Kind.BIAS : RegularizationTerm.Kind.KERNEL;
                String name = row.layer().name() + "/" + w.name() + "_regularizer";
                Ops scope = root.of(row.layer().name()).withSubScope(w.name() + "_regularizer");
                terms.add(new RegularizationTerm(name, row.layer().name(), kind, w.regularizer(),
                        scope.withName("value").identity(Penalties.build(scope, w.regularizer(), v.value()))));
            }
        }
        for (int p = 0; p < penalties.size(); p++) {
            ModelPenalty penalty = penalties.get(p);
            String prefix = p == 0 ? "model_penalty" : "model_penalty_" + p;
            for (ModelVariable v : vars.values()) {
                if (!GraphCompiler.covers(penalty, v.spec())) {
                    continue;
                }
                Ops scope = root.of(prefix).withSubScope(v.name().replace('/', '_'));
                terms.add(new RegularizationTerm(prefix + "/" + v.name(), v.layerName(), RegularizationTerm.Kind.MODEL,
                        penalty.regularizer(),
                        scope.withName("value").identity(Penalties.build(scope, penalty.regularizer(), v.value()))));
            }
        }
        return terms;
    }

    /**
     * Activity terms of one forward pass, then the shared weight terms: the order of Keras {@code model.losses}.
     * Keras 3 divides an activity penalty by the batch size of the output it regularizes.
     */
    static List<RegularizationTerm> withActivity(Scopes tower, Tower pass, List<RegularizationTerm> weightTerms) {
        List<RegularizationTerm> terms = new ArrayList<>();
        for (Tower.ActivityOutput a : pass.activityOutputs()) {
            Ops scope = tower.of(a.layerName()).withSubScope("activity_regularizer");
            Operand<TFloat32> penalty = Penalties.build(scope, a.regularizer(), a.value());
            Operand<TFloat32> batch = scope.dtypes.cast(scope.stridedSlice(scope.shape(a.value()),
                    org.tensorflow.ndarray.index.Indices.at(0)), TFloat32.class);
            terms.add(new RegularizationTerm(a.layerName() + "/activity_regularizer", a.layerName(),
                    RegularizationTerm.Kind.ACTIVITY, a.regularizer(),
                    scope.withName("value").math.div(penalty, batch)));
        }
        terms.addAll(weightTerms);
        return terms;
    }
}
