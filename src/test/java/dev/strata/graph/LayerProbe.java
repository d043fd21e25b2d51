package dev.strata.graph;

import dev.strata.graph.WeightSet.Entry;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * One forward pass of a model built the way the compiler builds it (same scopes, variables and kernels), with a
 * scalar probe {@code sum(y * r)} and its gradients with respect to the input and every trainable weight, for
 * checking a layer against Keras and against finite differences. In TRAINING mode the pass's state updates can be
 * run too.
 */
final class LayerProbe implements AutoCloseable {
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> x;
    private final Placeholder<TFloat32> r;
    private final Operand<TFloat32> y;
    private final Operand<TFloat32> probe;
    private final List<ModelVariable> trainables = new ArrayList<>();
    private final Output<?>[] gradients;
    private final Map<String, StateSlot> slots;
    private final Op assignAll;
    private final List<Op> updates = new ArrayList<>();
    private final Map<String, ModelVariable> vars;
    private final boolean wrtInput;
    private final boolean qualified;

    /**
     * @param noise whether training-only noise layers draw noise (TRAINING mode only)
     */
    LayerProbe(Sequential spec, TowerMode mode, boolean noise) {
        this(spec, mode, noise, true, false);
    }

    /**
     * @param wrtInput whether to differentiate with respect to the input too (not for token ids, which reach the
     *     output only through an integer cast)
     * @param qualified whether gradients are keyed {@code layer/weight} (models of several layers) rather than by
     *     weight name
     */
    LayerProbe(Sequential spec, TowerMode mode, boolean noise, boolean wrtInput, boolean qualified) {
        this.wrtInput = wrtInput;
        this.qualified = qualified;
        ModelSummary summary = GraphCompiler.check(spec);
        try {
            Ops tf = Ops.create(graph);
            ModelScopes scopes = new ModelScopes(tf, summary, true, List.of());
            VariableIo io = new VariableIo(scopes.root.of("io"));
            x = tf.withName("input").placeholder(TFloat32.class,
                    Placeholder.shape(GraphCompiler.batchShape(summary.inputShape())));
            vars = Variables.create(scopes, summary, io);
            Operand<TInt64> step = mode == TowerMode.TRAINING ? tf.constant(3L) : null;
            Scopes tower = mode == TowerMode.INFERENCE ? scopes.layers : scopes.train;
            Tower pass = new Forward(tower, scopes.names, vars, mode, noise, step, 11).build(summary, x);
            y = tf.withName("probe_output").identity(pass.output()); // never the input placeholder itself
            r = tf.withName("r").placeholder(TFloat32.class);
            probe = tf.reduceSum(tf.math.mul(y, r), tf.range(tf.constant(0), tf.rank(y), tf.constant(1)));
            List<Output<?>> wrt = new ArrayList<>();
            if (wrtInput) {
                wrt.add(x.asOutput());
            }
            for (ModelVariable v : vars.values()) {
                if (v.spec().trainable()) {
                    trainables.add(v);
                    wrt.add(v.value().asOutput());
                }
            }
            gradients = graph.addGradients(probe.asOutput(), wrt.toArray(new Output<?>[0]));
            for (StateUpdate u : pass.stateUpdates()) {
                updates.add(tf.assignVariableOp(u.variable().handle(), u.value()));
            }
            slots = io.slots();
            assignAll = io.assignAll();
            session = new Session(graph);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    void setWeights(WeightSet weights) {
        Session.Runner runner = session.runner().addTarget(assignAll);
        List<TFloat32> feeds = new ArrayList<>();
        try {
            for (StateSlot s : slots.values()) {
                Entry e = weights.get(s.name());
                TFloat32 t = TFloat32.tensorOf(Shape.of(e.shape()), DataBuffers.of(e.values(), true, false));
                feeds.add(t);
                runner.feed(s.feed(), t);
            }
            runner.run().close();
        } finally {
            feeds.forEach(TFloat32::close);
        }
    }

    /** The pass's output for one batch. */
    float[] output(float[] input, long[] shape) {
        return fetch(input, shape, null, y.asOutput()).get(0);
    }

    double probe(float[] input, long[] shape, float[] rValues) {
        return fetch(input, shape, rValues, probe.asOutput()).get(0)[0];
    }

    /** Gradient of the probe: the input's first (when asked for), then each trainable weight's, by name. */
    Map<String, float[]> gradients(float[] input, long[] shape, float[] rValues) {
        List<float[]> all = fetch(input, shape, rValues, gradients);
        Map<String, float[]> out = new LinkedHashMap<>();
        int first = wrtInput ? 1 : 0;
        if (wrtInput) {
            out.put("x", all.get(0));
        }
        for (int i = 0; i < trainables.size(); i++) {
            out.put(key(trainables.get(i)), all.get(i + first));
        }
        return out;
    }

    /** Names of the trainable weights, in the order of {@link #gradients}. */
    List<String> trainableNames() {
        return trainables.stream().map(this::key).toList();
    }

    private String key(ModelVariable v) {
        return qualified ? v.name() : v.spec().name();
    }

    /** Runs the pass's state updates on one batch; returns every non-trainable weight after them. */
    Map<String, float[]> stateAfterUpdates(float[] input, long[] shape) {
        if (!updates.isEmpty()) {
            try (TFloat32 t = tensor(input, shape)) {
                Session.Runner runner = session.runner().feed(x, t);
                updates.forEach(runner::addTarget);
                runner.run().close();
            }
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        for (ModelVariable v : vars.values()) {
            if (!v.spec().trainable()) {
                try (Result res = session.runner().fetch(v.value()).run()) {
                    out.put(key(v), floats((TFloat32) res.get(0)));
                }
            }
        }
        return out;
    }

    int updateCount() {
        return updates.size();
    }

    private List<float[]> fetch(float[] input, long[] shape, float[] rValues, Output<?>... outputs) {
        TFloat32 rt = null;
        try (TFloat32 t = tensor(input, shape)) {
            Session.Runner runner = session.runner().feed(x, t);
            if (rValues != null) {
                rt = tensor(rValues, outputShape(input, shape));
                runner.feed(r, rt);
            }
            for (Output<?> o : outputs) {
                runner.fetch(o);
            }
            try (Result res = runner.run()) {
                List<float[]> out = new ArrayList<>();
                for (int i = 0; i < outputs.length; i++) {
                    out.add(floats((TFloat32) res.get(i)));
                }
                return out;
            }
        } finally {
            if (rt != null) {
                rt.close();
            }
        }
    }

    private long[] outputShape(float[] input, long[] shape) {
        try (TFloat32 t = tensor(input, shape); Result res = session.runner().feed(x, t).fetch(y).run()) {
            return res.get(0).shape().asArray();
        }
    }

    private static TFloat32 tensor(float[] values, long[] shape) {
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
    }

    private static float[] floats(TFloat32 t) {
        float[] out = new float[(int) t.size()];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
