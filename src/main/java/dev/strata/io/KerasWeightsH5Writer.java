package dev.strata.io;

import dev.strata.graph.WeightSet;
import dev.strata.spec.Functional;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.NestedModel;
import dev.strata.spec.layers.Bidirectional;
import dev.strata.spec.layers.TimeDistributed;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Keras 3's weights layout ({@link KerasWeightsH5} reads it): per container a {@code layers} group with one
 * group per layer named after its class in layer order, each with a {@code vars} group; recurrent layers keep
 * their variables in {@code cell/vars}, Bidirectional in {@code forward_layer/cell/vars} and
 * {@code backward_layer/cell/vars}, TimeDistributed in {@code layer/vars} (or {@code layer/cell/vars}), as Keras's
 * loader looks for them.
 */
final class KerasWeightsH5Writer {
    private KerasWeightsH5Writer() {
    }

    static void write(WritableHdfFile h5, ModelSpec spec, WeightSet weights) {
        container(h5, spec, "", weights);
    }

    private static void container(WritableGroup parent, ModelSpec model, String prefix, WeightSet weights) {
        WritableGroup layers = parent.putGroup("layers");
        Map<String, Integer> used = new HashMap<>();
        if (model instanceof Functional f) {
            // Keras lists a functional model's InputLayers among its layers: their (empty) groups take names.
            for (int i = 0; i < f.inputs().size(); i++) {
                layers.putGroup(KerasWeightsH5.unique("input_layer", used)).putGroup("vars");
            }
        }
        for (LayerSummary row : model.summary().layers()) {
            Layer layer = row.layer();
            WritableGroup group = layers.putGroup(KerasWeightsH5.unique(KerasWeightsH5.snakeCase(layer.kerasClassName()),
                    used));
            String path = prefix + layer.name() + "/";
            if (layer instanceof NestedModel nested) {
                container(group, nested.model(), path, weights);
                group.putGroup("vars");
                continue;
            }
            List<String> names = new ArrayList<>();
            weights.entries().keySet().stream().filter(n -> n.startsWith(path)
                    && !n.substring(path.length()).contains("/")).forEach(names::add);
            layerVars(group, layer, names, weights);
        }
    }

    /**
     * Where Keras's loader looks for a layer's variables: a wrapper keeps none of its own and its wrapped layer's
     * under {@code layer} (TimeDistributed) or {@code forward_layer}/{@code backward_layer} (Bidirectional);
     * a recurrent layer keeps them in its {@code cell}.
     */
    private static void layerVars(WritableGroup group, Layer layer, List<String> names, WeightSet weights) {
        String kind = layer.kerasClassName();
        if (layer instanceof Bidirectional bi) {
            group.putGroup("vars");
            // By Strata's forward_/backward_ names, not in halves: a given backward_layer may have fewer weights.
            List<String> forward = new ArrayList<>();
            List<String> backward = new ArrayList<>();
            for (String n : names) {
                (n.substring(n.lastIndexOf('/') + 1).startsWith(Bidirectional.FORWARD) ? forward : backward).add(n);
            }
            Layer backwardLayer = bi.backwardLayer() != null ? bi.backwardLayer() : bi.layer();
            layerVars(group.putGroup("forward_layer"), bi.layer(), forward, weights);
            layerVars(group.putGroup("backward_layer"), backwardLayer, backward, weights);
        } else if (layer instanceof TimeDistributed td) {
            group.putGroup("vars");
            layerVars(group.putGroup("layer"), td.layer(), names, weights);
        } else {
            vars(group, kind.equals("LSTM") || kind.equals("GRU") || kind.equals("SimpleRNN"), names, weights);
        }
    }

    private static void vars(WritableGroup layer, boolean inCell, List<String> names, WeightSet weights) {
        WritableGroup holder = layer;
        if (inCell) {
            layer.putGroup("vars");
            holder = layer.putGroup("cell");
        }
        WritableGroup vars = holder.putGroup("vars");
        for (int i = 0; i < names.size(); i++) {
            WeightSet.Entry e = weights.get(names.get(i));
            vars.putDataset(Integer.toString(i), nested(e.values(), e.shape()));
        }
    }

    /** A flat row-major array as the nested Java array jhdf writes with that shape. */
    private static Object nested(float[] flat, long[] shape) {
        if (shape.length == 0) {
            return flat[0];
        }
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = (int) shape[i];
        }
        Object out = Array.newInstance(float.class, dims);
        fill(out, flat, dims, 0, 0);
        return out;
    }

    private static int fill(Object array, float[] flat, int[] dims, int depth, int at) {
        if (depth == dims.length - 1) {
            System.arraycopy(flat, at, array, 0, dims[depth]);
            return at + dims[depth];
        }
        for (int i = 0; i < dims[depth]; i++) {
            at = fill(Array.get(array, i), flat, dims, depth + 1, at);
        }
        return at;
    }
}
