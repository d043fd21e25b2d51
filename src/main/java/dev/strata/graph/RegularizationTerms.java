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
 * never summed. Frozen and state weights get no penalty, as in Keras 3. Each term is named after the Keras slot
 * it came from: {@code conv2d/kernel_regularizer}, {@code batch_normalization/gamma_regularizer}.
 */
final class RegularizationTerms {
    private RegularizationTerms() {
    }

    /** The scope of the {@code p}-th model-wide penalty. */
    static String penaltyPrefix(int p) {
        return p == 0 ? "model_penalty" : "model_penalty_" + p;
    }

    static List<RegularizationTerm> forWeights(ModelScopes scopes, ModelSummary summary,
                                               Map<String, ModelVariable> vars, List<ModelPenalty> penalties) {
        List<RegularizationTerm> terms = new ArrayList<>();
        for (LayerSummary row : summary.layers()) {
            String layer = row.layer().name();
            for (WeightSpec w : row.weights()) {
                if (w.regularizer() == null || !w.trainable()) {
                    continue;
                }
                ModelVariable v = vars.get(layer + "/" + w.name());
                Ops scope = scopes.layers.of(scopes.names.of(layer) + "/" + ScopeNames.path(w.regularizerKey()));
                terms.add(new RegularizationTerm(layer + "/" + w.regularizerKey(), layer, kind(w.role()),
                        w.regularizer(), scope.withName("value").identity(Penalties.build(scope, w.regularizer(),
                        v.value())), v.name()));
            }
        }
        for (int p = 0; p < penalties.size(); p++) {
            ModelPenalty penalty = penalties.get(p);
            String prefix = penaltyPrefix(p);
            for (ModelVariable v : vars.values()) {
                if (!GraphCompiler.covers(penalty, v.spec())) {
                    continue;
                }
                Ops scope = scopes.penalties.get(prefix).of(scopes.variableScope(v.layerName(), v.spec().name()));
                terms.add(new RegularizationTerm(prefix + "/" + v.name(), v.layerName(), RegularizationTerm.Kind.MODEL,
                        penalty.regularizer(),
                        scope.withName("value").identity(Penalties.build(scope, penalty.regularizer(), v.value())),
                        v.name()));
            }
        }
        return terms;
    }

    private static RegularizationTerm.Kind kind(WeightSpec.Role role) {
        return switch (role) {
            case KERNEL -> RegularizationTerm.Kind.KERNEL;
            case BIAS -> RegularizationTerm.Kind.BIAS;
            case NORMALIZATION -> RegularizationTerm.Kind.NORMALIZATION;
        };
    }

    /**
     * Activity terms of one forward pass, then the shared weight terms: the order of Keras {@code model.losses}.
     * Keras 3 divides an activity penalty by the batch size of the output it regularizes.
     */
    static List<RegularizationTerm> withActivity(Scopes tower, ScopeNames names, Tower pass,
                                                 List<RegularizationTerm> weightTerms) {
        List<RegularizationTerm> terms = new ArrayList<>();
        for (Tower.ActivityOutput a : pass.activityOutputs()) {
            Ops scope = tower.of(a.scope());
            Operand<TFloat32> penalty = Penalties.build(scope, a.regularizer(), a.value());
            Operand<TFloat32> batch = scope.dtypes.cast(scope.stridedSlice(scope.shape(a.value()),
                    org.tensorflow.ndarray.index.Indices.at(0)), TFloat32.class);
            terms.add(new RegularizationTerm(a.termName(), a.layerName(),
                    RegularizationTerm.Kind.ACTIVITY, a.regularizer(),
                    scope.withName("value").math.div(penalty, batch), null));
        }
        terms.addAll(weightTerms);
        return terms;
    }
}
