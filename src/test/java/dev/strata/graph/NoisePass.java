package dev.strata.graph;

import dev.strata.spec.ModelSummary;
import dev.strata.spec.Sequential;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * One forward pass of a weightless model built as the compiler builds it, at a chosen training step and model
 * seed (LayerProbe fixes both), for tests of what training noise draws.
 *
 * @param output the pass's output for the given input
 * @param identity whether the output tensor is the fed input itself (the layers built no op on it)
 * @param keepsLogits whether the pass still knows the logits of a softmax or sigmoid it ends with
 * @param opTypes the type of every op in the graph
 */
record NoisePass(float[] output, boolean identity, boolean keepsLogits, Set<String> opTypes) {

    static NoisePass run(Sequential spec, TowerMode mode, boolean noise, long step, long modelSeed, float[] x,
                         long[] shape) {
        ModelSummary summary = GraphCompiler.check(spec);
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            ModelScopes scopes = new ModelScopes(tf, summary, true, List.of());
            VariableIo io = new VariableIo(scopes.root.of("io"));
            Placeholder<TFloat32> input = tf.withName("input").placeholder(TFloat32.class,
                    Placeholder.shape(GraphCompiler.batchShape(summary.inputShape())));
            Scopes tower = mode == TowerMode.INFERENCE ? scopes.layers : scopes.train;
            Tower pass = new Forward(tower, scopes.names, Variables.create(scopes, summary, io), mode, noise,
                    mode == TowerMode.TRAINING ? tf.constant(step) : null, modelSeed).build(summary, input);
            Set<String> types = new HashSet<>();
            for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
                types.add(it.next().type());
            }
            boolean identity = pass.output() == input;
            if (identity) {
                return new NoisePass(x.clone(), true, pass.logits() != null, types);
            }
            try (Session session = new Session(graph);
                 TFloat32 t = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(x, true, false));
                 Result res = session.runner().feed(input, t).fetch(pass.output()).run()) {
                TFloat32 y = (TFloat32) res.get(0);
                float[] out = new float[(int) y.size()];
                y.copyTo(DataBuffers.of(out, false, false));
                return new NoisePass(out, false, pass.logits() != null, types);
            }
        }
    }

    /** Whether the graph holds a random op (TensorFlow's stateful or stateless random ops). */
    boolean hasRandomOp() {
        return opTypes.stream().anyMatch(t -> t.contains("Random"));
    }
}
