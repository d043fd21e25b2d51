package dev.strata.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.spec.ConfigField;
import dev.strata.spec.IntTuple;
import dev.strata.spec.KerasEnum;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerRegistry;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.LayerType;
import dev.strata.spec.TensorShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * One call of a merge layer's kernel on several inputs (one placeholder each, batch unknown as in a model, and a
 * mask placeholder per masked input), with the probe {@code sum(y * r)} and its gradient with respect to every
 * input: the multi-input counterpart of {@link LayerProbe} until the functional compiler takes several inputs.
 */
final class MergeProbe implements AutoCloseable {
    private final Graph graph = new Graph();
    private final Session session;
    private final List<Placeholder<TFloat32>> xs = new ArrayList<>();
    private final List<Placeholder<TBool>> masks = new ArrayList<>();
    private final Placeholder<TFloat32> r;
    private final Operand<TFloat32> y;
    private final Operand<TBool> yMask;
    private final Operand<TFloat32> probe;
    private final Output<?>[] gradients;

    /** @param masked per input, whether it carries a mask */
    MergeProbe(Layer layer, List<TensorShape> shapes, List<Boolean> masked) {
        try {
            Ops tf = Ops.create(graph);
            List<Flow> flows = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                long[] dims = new long[shapes.get(i).rank() + 1];
                dims[0] = -1;
                for (int d = 1; d < dims.length; d++) {
                    dims[d] = shapes.get(i).dim(d - 1);
                }
                Placeholder<TFloat32> x = tf.withName("x" + i).placeholder(TFloat32.class,
                        Placeholder.shape(Shape.of(dims)));
                xs.add(x);
                Placeholder<TBool> m = masked.get(i) ? tf.withName("mask" + i).placeholder(TBool.class,
                        Placeholder.shape(Shape.of(-1, dims[1]))) : null;
                masks.add(m);
                flows.add(Flow.of(x).withMask(m));
            }
            String where = Layer.describe(layer, 0);
            TensorShape out = layer.outputShapes(shapes, where).get(0);
            LayerSummary row = new LayerSummary(0, layer, shapes.get(0), out, List.of());
            LayerCall call = new LayerCall(tf.withSubScope(layer.name()), row, flows, Map.of(), TowerMode.INFERENCE,
                    false, 0L, null, new ArrayList<>());
            Flow result = Kernels.forLayer(layer, where).callAll(layer, call).get(0);
            y = tf.withName("y").identity(result.value());
            yMask = result.mask();
            r = tf.withName("r").placeholder(TFloat32.class);
            probe = tf.reduceSum(tf.math.mul(y, r), tf.range(tf.constant(0), tf.rank(y), tf.constant(1)));
            Output<?>[] wrt = xs.stream().map(Placeholder::asOutput).toArray(Output<?>[]::new);
            gradients = graph.addGradients(probe.asOutput(), wrt);
            session = new Session(graph);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    boolean hasMask() {
        return yMask != null;
    }

    float[] output(Feed feed) {
        return floats(run(feed, null, y.asOutput()).get(0));
    }

    boolean[] outputMask(Feed feed) {
        Tensor t = run(feed, null, yMask.asOutput()).get(0);
        boolean[] out = new boolean[(int) t.size()];
        ((TBool) t).copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    double probe(Feed feed, float[] rValues, long[] rShape) {
        return floats(run(feed, new Values(rValues, rShape), probe.asOutput()).get(0))[0];
    }

    List<float[]> gradients(Feed feed, float[] rValues, long[] rShape) {
        List<float[]> out = new ArrayList<>();
        for (Tensor t : run(feed, new Values(rValues, rShape), gradients)) {
            out.add(floats(t));
        }
        return out;
    }

    /** Values of every input and of every mask (null for an unmasked input). */
    record Feed(List<Values> inputs, List<boolean[]> maskValues, List<long[]> maskShapes) {
    }

    /** A float tensor's values and shape. */
    record Values(float[] values, long[] shape) {
    }

    private List<Tensor> run(Feed feed, Values rValue, Output<?>... fetches) {
        List<Tensor> owned = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (int i = 0; i < xs.size(); i++) {
                Values in = feed.inputs().get(i);
                TFloat32 t = TFloat32.tensorOf(Shape.of(in.shape()), DataBuffers.of(in.values(), true, false));
                owned.add(t);
                runner.feed(xs.get(i), t);
                if (masks.get(i) != null) {
                    TBool m = TBool.tensorOf(Shape.of(feed.maskShapes().get(i)),
                            DataBuffers.of(feed.maskValues().get(i), true, false));
                    owned.add(m);
                    runner.feed(masks.get(i), m);
                }
            }
            if (rValue != null) {
                TFloat32 t = TFloat32.tensorOf(Shape.of(rValue.shape()), DataBuffers.of(rValue.values(), true, false));
                owned.add(t);
                runner.feed(r, t);
            }
            for (Output<?> o : fetches) {
                runner.fetch(o);
            }
            Result res = runner.run();
            List<Tensor> out = new ArrayList<>();
            for (int i = 0; i < fetches.length; i++) {
                out.add(res.get(i));
            }
            return out;
        } finally {
            owned.forEach(Tensor::close);
        }
    }

    private static float[] floats(Tensor t) {
        float[] out = new float[(int) t.size()];
        ((TFloat32) t).copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }

    /**
     * A merge layer from its Keras config, built as the JSON reader builds every layer (the registered type's
     * fields under their key or alias, the type's accepted fixed keys, nothing else), for the field kinds merge
     * layers use. The reader itself refuses several inbound tensors today, so it cannot hand these specs back.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Layer spec(JsonNode entry) {
        String className = entry.get("class_name").asText();
        LayerType<?> type = LayerRegistry.forKerasName(className);
        if (type == null) {
            throw new IllegalArgumentException("not registered: " + className);
        }
        JsonNode config = entry.get("config");
        Set<String> seen = new HashSet<>(Set.of("name", "trainable", "dtype"));
        Map<ConfigField<?>, Object> values = new HashMap<>();
        for (ConfigField<?> f : type.fields()) {
            String key = config.has(f.key()) ? f.key() : f.aliases().stream().filter(config::has).findFirst()
                    .orElse(null);
            if (key == null) {
                continue;
            }
            seen.add(key);
            JsonNode v = config.get(key);
            values.put(f, switch (f.kind()) {
                case INT -> v.asInt();
                case INTS -> {
                    List<Integer> ints = new ArrayList<>();
                    if (v.isArray()) {
                        v.forEach(e -> ints.add(e.asInt()));
                    } else {
                        ints.add(v.asInt());
                    }
                    yield IntTuple.of(ints);
                }
                case BOOL -> v.asBoolean();
                case ENUM -> KerasEnum.lookup((Class) f.enumType(), v.asText());
                default -> throw new IllegalArgumentException("kind not used by merge layers: " + f);
            });
        }
        for (LayerType.FixedKey fixed : type.fixedKeys()) {
            JsonNode v = config.get(fixed.key());
            seen.add(fixed.key());
            if (v != null && !fixed.accepted().isEmpty() && !fixed.accepted().contains(v.isNull() ? null
                    : v.asText())) {
                throw new IllegalArgumentException(fixed.key() + " is not supported: " + v);
            }
        }
        for (Iterator<String> keys = config.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!seen.contains(key)) {
                throw new IllegalArgumentException("unknown key " + key + " in " + className);
            }
        }
        String name = config.path("name").asText(null);
        Layer layer = type.create(name, true, values);
        layer.validate(className);
        return layer;
    }
}
