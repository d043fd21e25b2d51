package dev.strata.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.json.ModelJson;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the per-layer fixtures of {@code tools/keras-golden/layers} (format in its generate.py). */
final class LayerFixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LayerFixtures() {
    }

    /**
     * The case's layer (or chain of layers) in a Sequential model over the case's input shape, read as Strata reads
     * any Keras file.
     */
    static Sequential spec(JsonNode c) {
        StringBuilder batch = new StringBuilder("[null");
        JsonNode shape = c.get("input_shape");
        for (int i = 1; i < shape.size(); i++) {
            batch.append(", ").append(shape.get(i).asInt());
        }
        batch.append(']');
        String layers = "{\"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": " + batch + "}}, "
                + layers(c);
        String json = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"probe\", \"layers\": ["
                + layers + "]}}";
        return (Sequential) ModelJson.read(json).spec();
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String layers(JsonNode c) {
        if (!c.has("chain")) {
            return c.get("layer").toString();
        }
        List<String> all = new ArrayList<>();
        c.get("chain").forEach(l -> all.add(l.toString()));
        return String.join(", ", all);
    }

    /** A chain case names weights, penalties and gradients {@code layer/weight}; see generate.py. */
    static boolean chain(JsonNode c) {
        return c.has("chain");
    }

    /** Token-id inputs: no gradient reaches them, and finite differences in them are meaningless. */
    static boolean tokens(JsonNode c) {
        return c.path("tokens").asBoolean(false);
    }

    /** The fixture's weights under their variable names; {@code layer} null: the names are already qualified. */
    static WeightSet weights(String layer, JsonNode list) {
        Map<String, WeightSet.Entry> m = new LinkedHashMap<>();
        for (JsonNode w : list) {
            String n = layer == null ? w.get("name").asText() : layer + "/" + w.get("name").asText();
            m.put(n, new WeightSet.Entry(longs(w.get("shape")), floats(w)));
        }
        return new WeightSet(m);
    }

    static TensorShape exampleShape(JsonNode batchShape) {
        int[] dims = new int[batchShape.size() - 1];
        for (int i = 1; i < batchShape.size(); i++) {
            dims[i - 1] = batchShape.get(i).isNull() ? TensorShape.UNKNOWN : batchShape.get(i).asInt();
        }
        return TensorShape.of(dims);
    }

    static float[] floats(JsonNode tensor) {
        JsonNode data = tensor.has("data") ? tensor.get("data") : tensor;
        float[] out = new float[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) data.get(i).asDouble();
        }
        return out;
    }

    static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }
}
