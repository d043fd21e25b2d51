package dev.strata.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.Functional;
import dev.strata.spec.FunctionalNode;
import dev.strata.spec.Layer;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.NestedModel;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model used as a layer of another model: read from, and written as, the whole model object in the outer
 * model's {@code layers} list, as Keras does. Also owns Keras's node numbering for such layers: a nested
 * functional model starts out with a node of its own (input to output), so references to its calls count from 1.
 */
final class NestedModelJson {
    private NestedModelJson() {
    }

    static boolean isModel(LayerEntry entry) {
        return LayerCodecs.MODEL_CLASSES.contains(entry.className());
    }

    static NestedModel read(ReadContext ctx, LayerEntry entry) {
        KerasObject o = entry.object();
        // Keras 3 writes the inner model's own compile settings (usually null); the outer model's are the ones used.
        o.fields().ignore("compile_config");
        ModelSpec model = entry.className().equals("Sequential")
                ? SequentialJson.read(ctx, o, null, List.of(), true)
                : FunctionalJson.read(ctx, o, List.of(), true);
        // The model reader has checked that trainable, when present, is a boolean.
        boolean trainable = !o.config().isObject() || o.config().path("trainable").asBoolean(true);
        String name = entry.name() != null ? entry.name() : model.name();
        return new NestedModel(name, model, trainable);
    }

    /** Where spec errors about the nested model point: its config (a Keras 1 list config counts as none). */
    static SpecErrors.Site site(ReadContext ctx, LayerEntry entry) {
        Fields config = entry.object().config().isArray()
                ? Fields.of(ctx, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                entry.path().key("config"), "Sequential config")
                : entry.config(ctx);
        return new SpecErrors.Site(entry.path(), config, NestedModel.TYPE);
    }

    static ObjectNode write(NestedModel layer, Dialect dialect) {
        ObjectNode root = layer.model() instanceof Sequential s ? SequentialJson.write(s, dialect)
                : FunctionalJson.write((Functional) layer.model(), dialect);
        if (!layer.trainable()) {
            ((ObjectNode) root.get("config")).put("trainable", false);
        }
        return root;
    }

    /**
     * How much Keras adds to a call index when it refers to a call of this layer. Keras 2 gives a nested model
     * (functional, or Sequential with an input, which Keras 2 builds as functional) a node of its own, input to
     * output, before any call, so every reference counts calls from 1. Keras 3 has no such node but still numbers
     * a nested functional model's calls from 1 in {@code output_layers} (and subtracts 1 when it reads them),
     * while the tensors in {@code inbound_nodes} carry the plain call index.
     *
     * @param output true for an {@code output_layers} reference
     */
    static int offset(Layer layer, Dialect dialect, boolean output) {
        if (!(layer instanceof NestedModel n)) {
            return 0;
        }
        if (dialect == Dialect.KERAS2) {
            return 1;
        }
        return output && n.model() instanceof Functional ? 1 : 0;
    }

    /** Undoes {@link #offset} on the references of a functional model being read. */
    static void unshift(ReadContext ctx, List<FunctionalNode> nodes, List<TensorRef> outputs, Dialect dialect,
                        JsonPath layersPath, JsonPath outputsPath) {
        Map<String, Layer> nested = new HashMap<>();
        for (FunctionalNode n : nodes) {
            if (n.layer() instanceof NestedModel) {
                nested.put(n.layer().name(), n.layer());
            }
        }
        if (nested.isEmpty()) {
            return;
        }
        for (int i = 0; i < nodes.size(); i++) {
            FunctionalNode n = nodes.get(i);
            List<List<TensorRef>> calls = new ArrayList<>();
            for (List<TensorRef> call : n.calls()) {
                calls.add(unshifted(ctx, call, nested, dialect, false, layersPath));
            }
            nodes.set(i, new FunctionalNode(n.layer(), calls));
        }
        List<TensorRef> fixed = unshifted(ctx, outputs, nested, dialect, true, outputsPath);
        outputs.clear();
        outputs.addAll(fixed);
    }

    private static List<TensorRef> unshifted(ReadContext ctx, List<TensorRef> refs, Map<String, Layer> nested,
                                             Dialect dialect, boolean output, JsonPath at) {
        List<TensorRef> out = new ArrayList<>();
        for (TensorRef r : refs) {
            Layer layer = nested.get(r.layer());
            int shift = layer == null ? 0 : offset(layer, dialect, output);
            if (r.node() < shift) {
                throw ctx.invalid(at, "refers to node 0 of nested model '" + r.layer() + "', which is the model's "
                        + "own node in this format (" + dialect + ": its calls count from 1)");
            }
            out.add(shift == 0 ? r : new TensorRef(r.layer(), r.node() - shift, r.index()));
        }
        return out;
    }
}
