package dev.strata.train;

import dev.strata.graph.GraphCompiler;
import dev.strata.graph.InferenceGraph;
import dev.strata.graph.WeightSet;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.TensorShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * {@link Model}'s INFER graph: built on the first predict and refreshed with the training weights whenever they
 * changed, both under the model's exclusive lock (four threads racing into an unlocked first predict built two
 * graphs and fed one's tensors to the other); the predictions themselves run under the shared lock, concurrently.
 */
final class Inference {
    private final ModelSpec spec;
    private final ModelOptions options;
    private final ModelGuard guard;
    private final LongSupplier weightsVersion;
    private final Supplier<WeightSet> weights;
    private InferenceGraph graph;
    private Session session;
    private volatile long version = -1;

    Inference(ModelSpec spec, ModelOptions options, ModelGuard guard, LongSupplier weightsVersion,
              Supplier<WeightSet> weights) {
        this.spec = spec;
        this.options = options;
        this.guard = guard;
        this.weightsVersion = weightsVersion;
        this.weights = weights;
    }

    /** The INFER graph holding weights at least as new as every change this thread made before the call. */
    InferenceGraph current() {
        if (version != weightsVersion.getAsLong()) {
            guard.change(this::sync);
        }
        // Weights changed by another thread since are a change concurrent with this call: either set may answer.
        return guard.shared(() -> graph);
    }

    /** Under the exclusive lock: no training step runs, so the version and the weights read agree. */
    private void sync() {
        if (graph == null) {
            graph = GraphCompiler.inference(spec, options.compileOptions());
            session = Sessions.openForInference(graph.graph(), options);
        }
        long now = weightsVersion.getAsLong();
        if (version != now) {
            SlotValues.write(session, graph.weights().values(), weights.get());
            version = now;
        }
    }

    /** Predictions of every output; see {@link Model#predictAll}. */
    List<float[][]> predict(Dataset data, int batchSize, List<TensorShape> shapes) {
        current();
        return guard.shared(() -> run(data, batchSize, shapes));
    }

    private List<float[][]> run(Dataset data, int batchSize, List<TensorShape> shapes) {
        List<float[][]> out = new ArrayList<>();
        for (TensorShape shape : shapes) {
            // An output of unknown length (a sequence of unknown steps) is sized by the first batch that runs.
            out.add(shape.isFullyDefined() ? new float[data.size()][(int) shape.size()] : new float[data.size()][]);
        }
        BatchFeeder feeder = new BatchFeeder(data, List.of());
        for (int from = 0; from < data.size(); from += batchSize) {
            int n = Math.min(batchSize, data.size() - from);
            List<TFloat32> x = feeder.inputs(from, n);
            Session.Runner runner = Model.feed(session.runner(), graph.inputs(), x);
            graph.outputs().forEach(runner::fetch);
            try (Result r = runner.run()) {
                for (int k = 0; k < shapes.size(); k++) {
                    float[] flat = Model.floats((TFloat32) r.get(k));
                    int width = flat.length / n;
                    for (int i = 0; i < n; i++) {
                        out.get(k)[from + i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
                    }
                }
            } finally {
                BatchFeeder.close(x);
            }
        }
        return out;
    }

    /** Under the exclusive lock, from {@link Model#close()}. */
    void close() {
        if (session != null) {
            session.close();
        }
        if (graph != null) {
            graph.close();
        }
    }
}
