package dev.strata.graph;

import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.WeightSpec;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.op.Ops;

/**
 * Every per-layer and per-weight name scope of one graph, created up front while the graph is empty (see
 * {@link Scopes} for why that keeps graph building linear). Layers live under {@code layers/}, their training and
 * evaluation passes under {@code train/} and {@code eval/}, optimizer updates under {@code optimizer/}: user names
 * never share a namespace with the graph's own ({@code input}, {@code output}, {@code io}, {@code train_step}).
 */
final class ModelScopes {
    static final String LAYERS = "layers";

    final ScopeNames names;
    final Scopes root;
    final Scopes layers;
    final Scopes train;
    final Scopes eval;
    final Scopes optimizer;
    final java.util.Map<String, Scopes> penalties = new java.util.HashMap<>();

    /**
     * @param training whether to prepare the training graph's scopes too (passes, penalties, optimizer)
     * @param penaltyPrefixes the scope of each model-wide penalty ({@code model_penalty}, ...)
     */
    ModelScopes(Ops tf, ModelSummary summary, boolean training, List<String> penaltyPrefixes) {
        this.names = ScopeNames.of(summary);
        this.root = new Scopes(tf);
        this.layers = new Scopes(root.of(LAYERS));
        List<String> layerPaths = new ArrayList<>();
        List<String> weightPaths = new ArrayList<>();
        List<String> towerPaths = new ArrayList<>();
        for (LayerSummary row : summary.layers()) {
            String scope = names.of(row.layer().name());
            for (WeightSpec w : row.weights()) {
                if (w.regularizer() != null) {
                    layerPaths.add(scope + "/" + ScopeNames.path(w.regularizerKey()));
                }
                int slash = w.name().lastIndexOf('/');
                if (slash > 0) {
                    layerPaths.add(scope + "/" + ScopeNames.path(w.name().substring(0, slash)));
                }
                weightPaths.add(variableScope(row.layer().name(), w.name()));
            }
        }
        Forward.visit(summary, "", names, (call, prefix, callNames) -> {
            String scope = prefix + Forward.callScope(callNames, call);
            layerPaths.add(scope);
            towerPaths.add(scope);
            if (call.layer().activityRegularizer() != null) {
                for (int k = 0; k < call.outputShapes().size(); k++) {
                    String term = Forward.activityName(call, k, call.outputShapes().size());
                    towerPaths.add(prefix + Forward.activityScope(callNames, call, term));
                }
            }
        });
        layers.prepare(layerPaths);
        if (training) {
            this.train = new Scopes(root.of("train")).prepare(towerPaths);
            this.eval = new Scopes(root.of("eval")).prepare(towerPaths);
            this.optimizer = new Scopes(root.of("optimizer")).prepare(weightPaths);
            for (String prefix : penaltyPrefixes) {
                penalties.put(prefix, new Scopes(root.of(prefix)).prepare(weightPaths));
            }
        } else {
            this.train = null;
            this.eval = null;
            this.optimizer = null;
        }
    }

    /** The scope path of one weight under a per-weight parent: {@code dense/kernel}. */
    String variableScope(String layer, String weight) {
        return names.of(layer) + "/" + ScopeNames.path(weight);
    }

    /** The scope of layer {@code layer}'s ops in the variable-owning (INFER or shared) namespace. */
    Ops layer(String layer) {
        return layers.of(names.of(layer));
    }
}
