package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.Functional;
import dev.strata.spec.FunctionalInput;
import dev.strata.spec.FunctionalNode;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerCallSummary;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.NestedModel;
import dev.strata.spec.TensorRef;
import dev.strata.spec.ModelPenalty;
import dev.strata.spec.TensorShape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;

/** Functional models ({@code "Model"} in Keras 1/2.0-2.3, {@code "Functional"} since tf.keras 2.4 and Keras 3). */
final class FunctionalJson {
    private FunctionalJson() {
    }

    private record Input(FunctionalInput input, SpecErrors.Site site) {
    }

    /** @param nested true for a model used as a layer, which may be frozen ({@code trainable=false}) */
    static Functional read(ReadContext ctx, KerasObject model, List<ModelPenalty> penalties, boolean nested) {
        Fields cfg = model.configFields(ctx, model.className() + " config");
        String name = cfg.string("name", "model");
        if (!cfg.bool("trainable", true) && !nested) {
            throw ctx.unsupported(cfg.at("trainable"), "a frozen model (trainable=false) is not supported; "
                    + "freeze layers one by one", "trainable");
        }
        JsonNode layersNode = cfg.get("layers");
        if (layersNode == null || !layersNode.isArray()) {
            throw ctx.invalid(cfg.at("layers"), "must be an array of layers. Received: " + Fields.describe(layersNode));
        }
        List<LayerEntry> entries = new ArrayList<>();
        for (int i = 0; i < layersNode.size(); i++) {
            entries.add(LayerEntry.of(ctx, layersNode.get(i), cfg.at("layers").index(i)));
        }
        Set<String> masks = EmbeddingMasks.drop(entries);
        LayerEntry.requireAllSupported(ctx, entries);

        Map<String, Input> inputs = new LinkedHashMap<>();
        List<FunctionalNode> nodes = new ArrayList<>();
        List<SpecErrors.Site> sites = new ArrayList<>();
        for (LayerEntry entry : entries) {
            Fields wrapper = entry.object().fields();
            boolean isModel = NestedModelJson.isModel(entry);
            Fields c = isModel ? null : entry.config(ctx);
            Layer inner = isModel ? NestedModelJson.read(ctx, entry) : null;
            String layerName = entry.name() != null ? entry.name() : isModel ? inner.name() : c.string("name", null);
            if (layerName == null) {
                throw ctx.invalid(entry.path().key("name"), "a functional layer needs a name to be referred to");
            }
            if (inputs.containsKey(layerName)) {
                throw ctx.invalid(entry.path().key("name"), "'" + layerName + "' names another input too");
            }
            List<List<TensorRef>> refs = InboundNodes.read(ctx, wrapper.get("inbound_nodes"),
                    wrapper.at("inbound_nodes"), masks);
            wrapper.rejectUnknown(entry.className() + " layer entry");
            if (LayerCodecs.isInputLayer(entry.className())) {
                if (!refs.isEmpty()) {
                    throw ctx.invalid(wrapper.at("inbound_nodes"), "an InputLayer has no inbound tensors");
                }
                inputs.put(layerName, new Input(new FunctionalInput(layerName, InputShapes.inputLayer(c)),
                        new SpecErrors.Site(entry.path(), c, null)));
                continue;
            }
            if (isModel) {
                nodes.add(new FunctionalNode(inner, refs));
                sites.add(NestedModelJson.site(ctx, entry));
                continue;
            }
            if (InputShapes.fromFields(c, LayerCodecs.type(entry.typeName())) != null) {
                ctx.warn(entry.path(), "an input shape on a layer of a functional model is ignored, as Keras does");
            }
            Layer layer = LayerCodecs.read(entry.typeName(), c);
            if (layer.name() == null) {
                layer = layer.withName(layerName);
            } else if (!layer.name().equals(layerName)) {
                throw ctx.invalid(c.at("name"), "'" + layer.name() + "' differs from the entry's name '" + layerName
                        + "'");
            }
            nodes.add(new FunctionalNode(layer, refs));
            sites.add(new SpecErrors.Site(entry.path(), c, LayerCodecs.type(entry.typeName())));
        }
        List<String> inputNames = new ArrayList<>();
        JsonPath inputsPath = cfg.at("input_layers");
        List<TensorRef> inputRefs = tensorList(ctx, cfg.get("input_layers"), inputsPath);
        for (int j = 0; j < inputRefs.size(); j++) {
            TensorRef r = inputRefs.get(j);
            if (r.node() != 0 || r.index() != 0) {
                throw ctx.invalid(inputsPath.index(j), "an input is " + r.layer() + "[0][0]. Received: " + r);
            }
            inputNames.add(r.layer());
        }
        List<TensorRef> outputs = new ArrayList<>(tensorList(ctx, cfg.get("output_layers"), cfg.at("output_layers")));
        cfg.rejectUnknown(model.className() + " config");
        Dialect format = entries.stream().anyMatch(InboundNodes::isKeras3) ? Dialect.KERAS3 : Dialect.KERAS2;
        NestedModelJson.unshift(ctx, nodes, outputs, format, cfg.at("layers"), cfg.at("output_layers"));

        List<FunctionalInput> inputList = new ArrayList<>();
        List<SpecErrors.Site> inputSites = new ArrayList<>();
        for (int j = 0; j < inputNames.size(); j++) {
            Input in = inputs.get(inputNames.get(j));
            if (in == null) {
                throw ctx.invalid(cfg.at("input_layers").index(j), "'" + inputNames.get(j) + "' is not an InputLayer "
                        + "of this model");
            }
            inputList.add(in.input());
            inputSites.add(in.site());
        }
        for (Map.Entry<String, Input> in : inputs.entrySet()) {
            if (!inputNames.contains(in.getKey())) {
                throw ctx.invalid(in.getValue().site().entry(), "InputLayer '" + in.getKey()
                        + "' is not listed in input_layers");
            }
        }
        Functional f;
        try {
            f = new Functional(name, inputList, nodes, outputs, penalties);
        } catch (InvalidSpecException e) {
            throw SpecErrors.atModel(ctx, e, sites, inputSites, model.configPath());
        }
        JsonSizeLimits.check(ctx, f.layerSummaries(), sites, model.configPath());
        return f;
    }

    /** {@code input_layers}/{@code output_layers}: one {@code [name, 0, 0]} (Keras 3, one tensor) or a list. */
    private static List<TensorRef> tensorList(ReadContext ctx, JsonNode v, JsonPath path) {
        if (v == null || !v.isArray()) {
            throw ctx.invalid(path, "must be a list of [layer_name, node_index, tensor_index]. Received: "
                    + Fields.describe(v));
        }
        if (!v.isEmpty() && v.get(0).isTextual()) {
            return List.of(InboundNodes.reference(ctx, v, path, false));
        }
        List<TensorRef> refs = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            refs.add(InboundNodes.reference(ctx, v.get(i), path.index(i), false));
        }
        return refs;
    }

    static ObjectNode write(Functional f, Dialect dialect) {
        boolean k3 = dialect == Dialect.KERAS3;
        if (f.outputs().isEmpty()) {
            throw new InvalidSpecException("model '" + f.name() + "'", "output_layers",
                    "is empty: set the outputs before writing the model");
        }
        ModelSummary summary = f.summary();
        Map<TensorRef, TensorShape> shapes = new HashMap<>();
        f.inputs().forEach(in -> shapes.put(TensorRef.of(in.name()), in.shape()));
        for (LayerCallSummary c : summary.calls()) {
            for (int k = 0; k < c.outputShapes().size(); k++) {
                shapes.put(c.output(k), c.outputShapes().get(k));
            }
        }
        Map<String, Integer> offsets = new HashMap<>();
        Map<String, Integer> outputOffsets = new HashMap<>();
        for (FunctionalNode n : f.nodes()) {
            offsets.put(n.layer().name(), NestedModelJson.offset(n.layer(), dialect, false));
            outputOffsets.put(n.layer().name(), NestedModelJson.offset(n.layer(), dialect, true));
        }
        ArrayNode layers = Json.array();
        for (FunctionalInput in : f.inputs()) {
            ObjectNode entry = inputLayerEntry(in.name(), in.shape(), dialect);
            entry.put("name", in.name());
            entry.set("inbound_nodes", Json.array());
            layers.add(entry);
        }
        for (LayerSummary row : summary.layers()) {
            FunctionalNode node = f.nodes().get(row.index());
            ObjectNode entry = SequentialJson.layerEntry(node.layer(), row.inputShape(), dialect);
            entry.put("name", node.layer().name());
            entry.set("inbound_nodes", inbound(node, shapes, offsets, dialect));
            layers.add(entry);
        }
        ObjectNode config = Json.object().put("name", f.name()).put("trainable", true);
        config.set("layers", layers);
        List<TensorRef> inputs = f.inputs().stream().map(in -> TensorRef.of(in.name())).toList();
        config.set("input_layers", tensorRefs(inputs, offsets, k3));
        config.set("output_layers", tensorRefs(f.outputs(), outputOffsets, k3));
        ObjectNode root = Json.object();
        if (k3) {
            root.put("module", "keras.src.models.functional");
        }
        root.put("class_name", "Functional");
        root.set("config", config);
        if (k3) {
            root.put("registered_name", "Functional");
            root.set("build_config", Json.object().putNull("input_shape"));
        }
        return root;
    }

    /** Every call: Keras 2 lists of {@code [name, node, index, {}]}; Keras 3 call records of keras tensors. */
    private static ArrayNode inbound(FunctionalNode node, Map<TensorRef, TensorShape> shapes,
                                     Map<String, Integer> offsets, Dialect dialect) {
        ArrayNode calls = Json.array();
        for (List<TensorRef> call : node.calls()) {
            if (dialect == Dialect.KERAS2) {
                ArrayNode refs = Json.array();
                for (TensorRef ref : call) {
                    refs.add(Json.array().add(ref.layer()).add(written(ref, offsets)).add(ref.index())
                            .add(Json.object()));
                }
                calls.add(refs);
                continue;
            }
            ArrayNode tensors = Json.array();
            for (TensorRef ref : call) {
                ObjectNode tensor = Json.object();
                tensor.set("shape", Json.batchShape(shapes.get(ref)));
                tensor.put("dtype", "float32");
                tensor.set("keras_history", Json.array().add(ref.layer()).add(written(ref, offsets))
                        .add(ref.index()));
                tensors.add(Json.object().put("class_name", "__keras_tensor__").set("config", tensor));
            }
            ObjectNode record = Json.object();
            String keyword = node.layer().extraInputsKeyword();
            ObjectNode kwargs = Json.object();
            if (keyword != null && call.size() > 1) {
                // Keras 3 passes the first tensor as the argument, the others by keyword (an RNN's initial_state).
                ArrayNode rest = Json.array();
                for (int k = 1; k < tensors.size(); k++) {
                    rest.add(tensors.get(k));
                }
                record.set("args", Json.array().add(tensors.get(0)));
                kwargs.set(keyword, rest);
            } else {
                // Keras 3 passes one tensor as the argument and several as one list argument (merge layers).
                record.set("args", call.size() == 1 ? tensors : Json.array().add(tensors));
            }
            record.set("kwargs", kwargs);
            calls.add(record);
        }
        return calls;
    }

    /** Keras 3 writes a single tensor flat, as {@code keras.Model(inputs=x, ...)} records it. */
    private static JsonNode tensorRefs(List<TensorRef> refs, Map<String, Integer> offsets, boolean flatSingle) {
        if (flatSingle && refs.size() == 1) {
            TensorRef r = refs.get(0);
            return Json.array().add(r.layer()).add(written(r, offsets)).add(r.index());
        }
        ArrayNode list = Json.array();
        refs.forEach(r -> list.add(Json.array().add(r.layer()).add(written(r, offsets)).add(r.index())));
        return list;
    }

    /** The node index as Keras numbers it (see {@link NestedModelJson#offset}). */
    private static int written(TensorRef ref, Map<String, Integer> offsets) {
        return ref.node() + offsets.getOrDefault(ref.layer(), 0);
    }

    /** An InputLayer wrapper (without the functional name and inbound_nodes). */
    static ObjectNode inputLayerEntry(String name, TensorShape shape, Dialect dialect) {
        ObjectNode config = Json.object();
        if (dialect == Dialect.KERAS3) {
            config.set("batch_shape", Json.batchShape(shape));
            config.put("dtype", "float32").put("sparse", false).put("name", name);
        } else {
            config.set("batch_input_shape", Json.batchShape(shape));
            config.put("dtype", "float32").put("sparse", false).put("ragged", false).put("name", name);
        }
        return Json.kerasObject(dialect, "keras.layers", "InputLayer", config);
    }
}
