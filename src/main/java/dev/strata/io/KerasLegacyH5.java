package dev.strata.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.graph.WeightSet;
import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras 2's (and Keras 3's legacy) full-model {@code .h5}: the topology and training config as JSON attributes of
 * the root ({@code model_config}, {@code training_config}), the weights under {@code model_weights/<layer name>}
 * with the layer's {@code weight_names} attribute giving their order ({@code dense/kernel:0}, ... as tf.keras 2
 * wrote them). A layer's weights are matched by position, as Keras's own loader does.
 */
final class KerasLegacyH5 {
    private KerasLegacyH5() {
    }

    static ReadResult readConfig(HdfFile h5, String source) {
        String model = text(h5, "model_config", source);
        ObjectMapper json = new ObjectMapper();
        try {
            ObjectNode doc = json.createObjectNode();
            doc.set("model_config", json.readTree(model));
            Attribute training = h5.getAttribute("training_config");
            if (training != null) {
                doc.set("training_config", json.readTree(text(h5, "training_config", source)));
            }
            return ModelJson.read(doc.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KerasFileException(source, "its model_config attribute is not JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    /** A full model's {@code model_weights}, or a weights-only file's root (Keras 2 {@code save_weights}). */
    static WeightSet readWeights(HdfFile h5, Map<String, long[]> strata, String source) {
        Group weights = h5.getChild("model_weights") instanceof Group g ? g : h5;
        if (weights == h5 && h5.getAttribute("layer_names") == null) {
            throw new KerasFileException(source, "has neither 'model_weights' nor a 'layer_names' attribute: not a "
                    + "Keras weights file");
        }
        Map<String, List<String>> byLayer = new LinkedHashMap<>();
        for (String name : strata.keySet()) {
            byLayer.computeIfAbsent(name.substring(0, name.indexOf('/')), k -> new ArrayList<>()).add(name);
        }
        Map<String, WeightSet.Entry> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> layer : byLayer.entrySet()) {
            if (!(weights.getChild(layer.getKey()) instanceof Group group)) {
                throw new KerasFileException(source, "has no weights for layer '" + layer.getKey() + "'");
            }
            Attribute order = group.getAttribute("weight_names");
            String[] names = order == null ? new String[0] : strings(order.getData());
            List<String> wanted = layer.getValue();
            if (names.length != wanted.size()) {
                throw new KerasFileException(source, "layer '" + layer.getKey() + "' has " + names.length
                        + " weights " + Arrays.toString(names) + " but Strata's layer has " + wanted.size() + " "
                        + wanted);
            }
            for (int i = 0; i < names.length; i++) {
                Node node = group.getByPath(names[i]);
                if (!(node instanceof Dataset d)) {
                    throw new KerasFileException(source, "weight '" + names[i] + "' of layer '" + layer.getKey()
                            + "' is missing");
                }
                out.put(wanted.get(i), KerasWeightsH5.entry(d, strata.get(wanted.get(i)), wanted.get(i), source));
            }
        }
        return new WeightSet(out);
    }

    private static String text(HdfFile h5, String attribute, String source) {
        Attribute a = h5.getAttribute(attribute);
        if (a == null) {
            throw new KerasFileException(source, "has no " + attribute + " attribute: not a Keras full-model .h5 "
                    + "(weights-only files need the model's spec)");
        }
        Object v = a.getData();
        return v instanceof String s ? s : strings(v)[0];
    }

    private static String[] strings(Object data) {
        if (data instanceof String s) {
            return new String[] {s};
        }
        int n = Array.getLength(data);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            Object v = Array.get(data, i);
            out[i] = v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v.toString();
        }
        return out;
    }
}
