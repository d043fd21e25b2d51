package dev.strata.io;

import com.google.protobuf.ByteString;
import dev.strata.graph.InferenceGraph;
import dev.strata.graph.ModelVariable;
import dev.strata.graph.WeightSet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * An INFER-mode graph with its weights frozen into constants: each variable's single read becomes a
 * {@code Const} of the same name holding the weight, and only what {@code output} depends on is kept, so the
 * variable handles and the {@code io/} assign ops drop out. The forward-pass ops are the INFER graph's own,
 * untouched, so the frozen graph computes what {@code Model.predict} computes.
 */
final class FrozenGraph {
    /** Protobuf refuses messages of 2 GiB; leave room for the ops around the weights. */
    static final long MAX_WEIGHT_BYTES = 1_800_000_000L;

    private FrozenGraph() {
    }

    static GraphDef freeze(InferenceGraph graph, WeightSet weights) {
        Map<String, ModelVariable> readsByNode = new HashMap<>();
        long bytes = 0;
        for (ModelVariable v : graph.variables()) {
            long[] shape = graph.weights().get(v.name()).shape();
            WeightSet.Entry e = weights.entries().get(v.name());
            if (e == null) {
                throw new IllegalArgumentException("no value for weight '" + v.name() + "'; the weights hold "
                        + weights.entries().keySet());
            }
            if (!Arrays.equals(e.shape(), shape)) {
                throw new IllegalArgumentException("weight '" + v.name() + "' has shape " + Arrays.toString(e.shape())
                        + " but the model needs " + Arrays.toString(shape));
            }
            bytes += 4L * e.values().length;
            readsByNode.put(v.value().op().name(), v);
        }
        if (weights.entries().size() != graph.variables().size()) {
            Set<String> extra = new HashSet<>(weights.entries().keySet());
            graph.variables().forEach(v -> extra.remove(v.name()));
            throw new IllegalArgumentException("weights " + extra + " are not weights of model '"
                    + graph.summary().modelName() + "'");
        }
        if (bytes > MAX_WEIGHT_BYTES) {
            throw new IllegalArgumentException("the weights take " + bytes + " bytes; frozen into a GraphDef they "
                    + "would pass protobuf's 2 GiB limit");
        }

        GraphDef full = graph.graph().toGraphDef();
        Map<String, NodeDef> byName = new HashMap<>();
        for (NodeDef n : full.getNodeList()) {
            byName.put(n.getName(), n);
        }
        Set<String> keep = new HashSet<>();
        for (var out : graph.outputs()) {
            keep.addAll(reachable(byName, readsByNode.keySet(), out.op().name()));
        }
        graph.inputs().forEach(in -> keep.add(in.op().name()));

        GraphDef.Builder out = full.toBuilder().clearNode();
        for (NodeDef n : full.getNodeList()) {
            if (!keep.contains(n.getName())) {
                continue;
            }
            ModelVariable v = readsByNode.get(n.getName());
            out.addNode(v == null ? n : constant(n.getName(), weights.get(v.name())));
        }
        return out.build();
    }

    /** Names of the nodes {@code root} needs, stopping at the variable reads (they become leaves). */
    private static Set<String> reachable(Map<String, NodeDef> byName, Set<String> leaves, String root) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name) || leaves.contains(name)) {
                continue;
            }
            NodeDef n = byName.get(name);
            if (n == null) {
                throw new IllegalStateException("the inference graph refers to a missing node '" + name + "'");
            }
            for (String input : n.getInputList()) {
                String source = input.startsWith("^") ? input.substring(1) : input;
                int colon = source.indexOf(':');
                todo.push(colon < 0 ? source : source.substring(0, colon));
            }
        }
        return seen;
    }

    private static NodeDef constant(String name, WeightSet.Entry e) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : e.shape()) {
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        }
        // tensor_content is raw memory in TensorFlow's layout: little-endian on every platform it runs on.
        ByteBuffer raw = ByteBuffer.allocate(4 * e.values().length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(e.values());
        TensorProto value = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(shape)
                .setTensorContent(ByteString.copyFrom(raw.array())).build();
        return NodeDef.newBuilder().setName(name).setOp("Const")
                .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
                .putAttr("value", AttrValue.newBuilder().setTensor(value).build())
                .build();
    }
}
