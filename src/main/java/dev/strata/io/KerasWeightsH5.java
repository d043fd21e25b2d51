package dev.strata.io;

import dev.strata.graph.WeightSet;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.NestedModel;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras 3's weights file ({@code model.weights.h5} in a {@code .keras} archive): one group per layer, named after
 * its class ({@code layers/dense}, {@code layers/dense_1}), holding its variables as {@code vars/0, vars/1, ...} in the layer's weight order, with
 * sub-layers under their attribute names ({@code lstm/cell/vars}, {@code bidirectional/forward_layer/cell/vars},
 * nested models' {@code layers/encoder/layers/dense/vars}). Each Strata weight gets the variable in the same
 * position; a count or shape that differs is refused naming the file and the weight, before anything is loaded.
 */
final class KerasWeightsH5 {
    /** Sub-layer groups in the order Keras lists their variables; others follow alphabetically. */
    private static final List<String> SUBLAYER_ORDER = List.of("cell", "layer", "forward_layer", "backward_layer");

    private KerasWeightsH5() {
    }

    /**
     * Reads the values of {@code strata}'s weights (names in Strata's order, shapes as Strata declares them) for
     * {@code spec}'s layers.
     *
     * @param source names the file in errors
     */
    static WeightSet read(HdfFile h5, ModelSpec spec, Map<String, long[]> strata, String source) {
        Map<String, WeightSet.Entry> out = new LinkedHashMap<>();
        if (!(h5.getChild("layers") instanceof Group top)) {
            if (strata.isEmpty()) {
                return new WeightSet(out);
            }
            throw new KerasFileException(source, "has no 'layers' group: not a Keras 3 weights file");
        }
        assign(top, spec, "", strata, out, source);
        if (out.size() != strata.size()) {
            List<String> missing = new ArrayList<>(strata.keySet());
            missing.removeAll(out.keySet());
            throw new KerasFileException(source, "holds no values for " + missing);
        }
        return new WeightSet(out);
    }

    /**
     * Keras names each layer's group after its class, not its name ({@code dense}, {@code dense_1}, ... in the
     * container's layer order), so that two builds of one model share a file; the same walk finds them here.
     */
    private static void assign(Group layers, ModelSpec model, String prefix, Map<String, long[]> strata,
                               Map<String, WeightSet.Entry> out, String source) {
        Map<String, Integer> used = new HashMap<>();
        for (LayerSummary row : model.summary().layers()) {
            Layer layer = row.layer();
            String key = unique(snakeCase(layer.kerasClassName()), used);
            String path = prefix + layer.name();
            List<String> names = new ArrayList<>();
            strata.keySet().stream().filter(n -> n.startsWith(path + "/")).forEach(names::add);
            if (names.isEmpty()) {
                continue; // no weights: Dropout, Flatten, pooling, ...
            }
            if (!(layers.getChild(key) instanceof Group group)) {
                throw new KerasFileException(source, "has no weights for layer '" + path + "' (expected group "
                        + layers.getPath() + key + ")");
            }
            if (layer instanceof NestedModel nested) {
                if (!(group.getChild("layers") instanceof Group inner)) {
                    throw new KerasFileException(source, "layer '" + path + "' is a model but its group "
                            + group.getPath() + " holds no 'layers'");
                }
                assign(inner, nested.model(), path + "/", strata, out, source);
                continue;
            }
            List<Dataset> values = new ArrayList<>();
            collect(group, values);
            if (values.size() != names.size()) {
                throw new KerasFileException(source, "layer '" + path + "' has " + values.size() + " variables in "
                        + group.getPath() + " but Strata's layer has " + names.size() + " " + names);
            }
            for (int i = 0; i < names.size(); i++) {
                out.put(names.get(i), entry(values.get(i), strata.get(names.get(i)), names.get(i), source));
            }
        }
    }

    /** Keras's {@code naming.to_snake_case}: {@code MaxPooling2D} to {@code max_pooling2d}. */
    static String snakeCase(String className) {
        String s = className.replaceAll("\\W+", "");
        s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Keras's {@code _get_unique_name}: the first {@code dense}, then {@code dense_1}, {@code dense_2}. */
    static String unique(String base, Map<String, Integer> used) {
        int n = used.merge(base, 1, Integer::sum) - 1;
        return n == 0 ? base : base + "_" + n;
    }

    /** The layer's own {@code vars/0..n}, then its sub-layers' in Keras's order. */
    private static void collect(Group group, List<Dataset> out) {
        if (group.getChild("vars") instanceof Group vars) {
            List<String> keys = new ArrayList<>(vars.getChildren().keySet());
            keys.sort((a, b) -> Integer.compare(index(a), index(b)));
            for (String k : keys) {
                if (vars.getChild(k) instanceof Dataset d) {
                    out.add(d);
                }
            }
        }
        List<String> subs = new ArrayList<>();
        for (Map.Entry<String, Node> child : group.getChildren().entrySet()) {
            if (!child.getKey().equals("vars") && child.getValue() instanceof Group) {
                subs.add(child.getKey());
            }
        }
        subs.sort((a, b) -> {
            int ia = SUBLAYER_ORDER.indexOf(a);
            int ib = SUBLAYER_ORDER.indexOf(b);
            ia = ia < 0 ? SUBLAYER_ORDER.size() : ia;
            ib = ib < 0 ? SUBLAYER_ORDER.size() : ib;
            return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
        });
        for (String s : subs) {
            collect((Group) group.getChild(s), out);
        }
    }

    private static int index(String key) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    static WeightSet.Entry entry(Dataset d, long[] want, String name, String source) {
        long[] shape = Arrays.stream(d.getDimensions()).asLongStream().toArray();
        if (!Arrays.equals(shape, want)) {
            throw new KerasFileException(source, "weight '" + name + "' (" + d.getPath() + ") has shape "
                    + Arrays.toString(shape) + " but Strata's layer needs " + Arrays.toString(want));
        }
        Object flat = d.getDataFlat();
        int n = Array.getLength(flat);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = ((Number) Array.get(flat, i)).floatValue();
        }
        return new WeightSet.Entry(shape, values);
    }
}
