package dev.strata.train;

import dev.strata.graph.GraphCompiler;
import dev.strata.graph.InferenceGraph;
import dev.strata.spec.TensorShape;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Inference at a fixed batch size with nothing allocated per call in Java: for serving single requests, where
 * {@link Model#predict} spends most of a batch-1 call building datasets, tensors and row arrays.
 *
 * <pre>{@code
 * try (Predictor p = model.predictor(1)) {
 *     float[] out = new float[p.outputSize()];
 *     p.predict(features, out); // features: p.inputSize() floats, one example flattened row-major
 * }
 * }</pre>
 *
 * <p>It owns an INFER graph and a session tuned for latency ({@link #sessionConfig}): ops run on the calling
 * thread instead of being handed to TensorFlow's inter-op pool, and small batches compute on that thread alone.
 * One input tensor is allocated once and refilled; the runner is built once. It answers with the model's current
 * weights: after {@code fit} or {@code setWeights}, the next call copies the new weights in first.
 *
 * <p>One predictor serves one thread at a time (it reuses its buffers; a second thread calling while one is in
 * flight gets an {@link IllegalStateException}); make one per serving thread. Calls run under
 * the model's shared lock, so they wait for a training step in flight, and after {@link Model#close()} or
 * {@link #close()} they throw {@link IllegalStateException}. Models with one input and one output only.
 */
public final class Predictor implements AutoCloseable {
    /** Up to this many rows a call computes on the calling thread alone: handing off costs more than it saves. */
    static final int SINGLE_THREAD_ROWS = 16;

    private final Model model;
    private final ModelGuard guard;
    private final LongSupplier weightsVersion;
    private final Supplier<dev.strata.graph.WeightSet> weights;
    private final InferenceGraph graph;
    private final Session session;
    private final TFloat32 input;
    private final FloatDataBuffer inputBuffer;
    private final Session.Runner runner;
    private final int rows;
    private final int inputSize;
    private final int outputSize;
    private final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
    private long version = -1;
    private boolean closed;

    Predictor(Model model, ModelGuard guard, LongSupplier weightsVersion, Supplier<dev.strata.graph.WeightSet> weights,
              int rows) {
        String name = model.spec().name();
        if (rows < 1) {
            throw new IllegalArgumentException("model '" + name + "': a predictor needs at least one row, got " + rows);
        }
        var summary = model.summary();
        if (summary.inputs().size() != 1 || summary.outputShapes().size() != 1) {
            throw new IllegalArgumentException("model '" + name + "' has " + summary.inputs().size()
                    + " inputs and " + summary.outputShapes().size() + " outputs; a Predictor serves one input and one"
                    + " output (use Model.predictAll for the others)");
        }
        TensorShape in = summary.inputs().get(0).shape();
        TensorShape out = summary.outputShapes().get(0);
        if (!in.isFullyDefined() || !out.isFullyDefined()) {
            throw new IllegalArgumentException("model '" + name + "': a Predictor needs fully defined input and output"
                    + " shapes, the model has input " + in + " and output " + out + " (use Model.predict)");
        }
        this.model = model;
        this.guard = guard;
        this.weightsVersion = weightsVersion;
        this.weights = weights;
        this.rows = rows;
        this.inputSize = Math.toIntExact(in.size());
        this.outputSize = Math.toIntExact(out.size());
        InferenceGraph g = GraphCompiler.inference(model.spec(), model.options().compileOptions());
        Session s = null;
        try {
            s = new Session(g.graph(), sessionConfig(rows, model.options().intraOpThreads()));
            long[] dims = new long[in.rank() + 1];
            dims[0] = rows;
            for (int i = 0; i < in.rank(); i++) {
                dims[i + 1] = in.dim(i);
            }
            input = TFloat32.tensorOf(Shape.of(dims));
        } catch (RuntimeException e) {
            if (s != null) {
                s.close();
            }
            g.close();
            throw e;
        }
        this.graph = g;
        this.session = s;
        this.inputBuffer = input.asRawTensor().data().asFloats();
        this.runner = session.runner().feed(graph.input(), input).fetch(graph.output());
    }

    /**
     * The session options a latency-bound caller wants, also for a SavedModel export loaded with TensorFlow Java
     * ({@code SavedModelBundle.loader(dir).withConfigProto(Predictor.sessionConfig(1, 0))}).
     *
     * @param rows the batch size served
     * @param threads intra-op threads for larger batches, 0 for TensorFlow's default (one per core)
     */
    public static ConfigProto sessionConfig(int rows, int threads) {
        // A negative inter-op count makes TensorFlow run the graph on the calling thread.
        ConfigProto.Builder b = ConfigProto.newBuilder().setInterOpParallelismThreads(-1);
        if (rows <= SINGLE_THREAD_ROWS) {
            b.setIntraOpParallelismThreads(1);
        } else if (threads > 0) {
            b.setIntraOpParallelismThreads(threads);
        }
        return b.build();
    }

    /** Rows per call. */
    public int rows() {
        return rows;
    }

    /** Floats in one example's input (the input shape's size). */
    public int inputSize() {
        return inputSize;
    }

    /** Floats in one example's output. */
    public int outputSize() {
        return outputSize;
    }

    /**
     * Predicts {@link #rows()} examples.
     *
     * @param in {@code rows() * inputSize()} floats, example after example, each flattened row-major
     * @param out receives {@code rows() * outputSize()} floats
     * @return {@code out}
     */
    public float[] predict(float[] in, float[] out) {
        if (in.length != rows * inputSize || out.length != rows * outputSize) {
            throw new IllegalArgumentException("predictor for " + rows + " row(s) takes " + rows * inputSize
                    + " input floats and " + rows * outputSize + " output floats, got " + in.length + " and "
                    + out.length);
        }
        // Two threads filling the one input tensor would answer each other's requests: refuse instead.
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException("a Predictor serves one thread at a time; make one per serving thread"
                    + " (Model.predictor)");
        }
        try {
            if (version != weightsVersion.getAsLong()) {
                guard.change(this::syncWeights);
            }
            return guard.shared(() -> {
                if (closed) {
                    throw new IllegalStateException("this predictor is closed");
                }
                inputBuffer.write(in);
                try (Result r = runner.run()) {
                    ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(out);
                }
                return out;
            });
        } finally {
            busy.set(false);
        }
    }

    /** Under the model's exclusive lock: no step runs, so the version and the weights read agree. */
    private void syncWeights() {
        if (closed) {
            throw new IllegalStateException("this predictor is closed");
        }
        long now = weightsVersion.getAsLong();
        SlotValues.write(session, graph.weights().values(), weights.get());
        version = now;
    }

    /** Frees the session, graph and buffers; the model stays open. Closing the model closes its predictors. */
    @Override
    public void close() {
        try {
            guard.change(this::release);
            model.forget(this);
        } catch (IllegalStateException modelClosed) {
            // Model.close already released this predictor under the same lock.
        }
    }

    /** Under the model's exclusive lock (from {@link #close()} or {@link Model#close()}); idempotent. */
    void release() {
        if (!closed) {
            closed = true;
            input.close();
            session.close();
            graph.close();
        }
    }
}
