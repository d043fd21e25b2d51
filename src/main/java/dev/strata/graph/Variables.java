package dev.strata.graph;

import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.WeightSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;

/**
 * Creates the model's resource variables with one shared read each. Resource variables because the
 * gradient code crashes on ref variables read directly; one read each so that gradients taken with
 * respect to that read cover every use of the weight.
 */
final class Variables {
    private Variables() {
    }

    static Map<String, ModelVariable> create(ModelScopes scopes, ModelSummary model, VariableIo io) {
        Map<String, ModelVariable> vars = new LinkedHashMap<>();
        for (LayerSummary row : model.layers()) {
            for (WeightSpec w : row.weights()) {
                String name = row.layer().name() + "/" + w.name();
                long[] shape = OptimizerOps.toLong(w.shape());
                // A nested model's weight is named inner_layer/weight: its ops go under the inner layer's scope.
                int slash = w.name().lastIndexOf('/');
                Ops scope = slash < 0 ? scopes.layer(row.layer().name()) : scopes.layers.of(scopes.names.of(
                        row.layer().name()) + "/" + ScopeNames.path(w.name().substring(0, slash)));
                String leaf = ScopeNames.sanitize(w.name().substring(slash + 1));
                // A unique shared name per variable: VarHandleOps with equal shared names alias one resource.
                Operand<?> handle = scope.withName(leaf).varHandleOp(TFloat32.class, Shape.of(shape),
                        VarHandleOp.sharedName(name));
                Operand<TFloat32> read = scope.withName(leaf + "_read").readVariableOp(handle, TFloat32.class);
                vars.put(name, new ModelVariable(name, row.layer().name(), w, handle, read));
                io.add(name, shape, handle, read);
            }
        }
        return vars;
    }
}
