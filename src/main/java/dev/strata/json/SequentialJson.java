package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelPenalty;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.NestedModel;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code Sequential} in every layout Keras has written: Keras 1/2.0 bare layer lists, tf.keras
 * {@code {"name", "layers"}} with the input shape on an InputLayer or the first layer, and Keras 3 with
 * {@code batch_shape} or {@code build_input_shape}.
 */
final class SequentialJson {
    private SequentialJson() {
    }

    /** @param nested true for a model used as a layer, which may be frozen ({@code trainable=false}) */
    static Sequential read(ReadContext ctx, KerasObject model, TensorShape topBuildShape, List<ModelPenalty> penalties,
                           boolean nested) {
        JsonPath cfgPath = model.configPath();
        JsonNode layersNode;
        String name = "sequential";
        TensorShape buildShape = topBuildShape;
        JsonPath layersPath;
        if (model.config().isArray()) {
            layersNode = model.config();
            layersPath = cfgPath;
        } else {
            Fields cfg = model.configFields(ctx, "Sequential config");
            name = cfg.string("name", name);
            if (!cfg.bool("trainable", true) && !nested) {
                throw ctx.unsupported(cfg.at("trainable"), "a frozen model (trainable=false) is not supported; "
                        + "freeze layers one by one", "trainable");
            }
            LayerCommon.checkFloat32(ctx, cfg.get("dtype"), cfg.at("dtype"));
            if (cfg.has("build_input_shape")) {
                buildShape = InputShapes.batchShape(ctx, cfg.get("build_input_shape"), cfg.at("build_input_shape"),
                        null);
            }
            layersNode = cfg.get("layers");
            layersPath = cfg.at("layers");
            cfg.rejectUnknown("Sequential config");
        }
        if (layersNode == null || !layersNode.isArray()) {
            throw ctx.invalid(layersPath, "must be an array of layers. Received: " + Fields.describe(layersNode));
        }
        List<LayerEntry> entries = new ArrayList<>();
        for (int i = 0; i < layersNode.size(); i++) {
            entries.add(LayerEntry.of(ctx, layersNode.get(i), layersPath.index(i)));
        }
        LayerEntry.requireAllSupported(ctx, entries);

        TensorShape input = null;
        List<Layer> layers = new ArrayList<>();
        List<SpecErrors.Site> sites = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LayerEntry entry = entries.get(i);
            if (NestedModelJson.isModel(entry)) {
                NestedModel inner = NestedModelJson.read(ctx, entry);
                if (layers.isEmpty() && input == null && inner.model().summary().inputs().size() == 1) {
                    input = inner.model().summary().inputs().get(0).shape(); // Keras builds the outer on its input
                }
                layers.add(inner);
                entry.object().fields().rejectUnknown(entry.className() + " layer entry");
                sites.add(NestedModelJson.site(ctx, entry));
                continue;
            }
            entry.object().fields().rejectUnknown(entry.className() + " layer entry");
            Fields c = entry.config(ctx);
            if (LayerCodecs.isInputLayer(entry.className())) {
                if (i > 0) {
                    throw ctx.invalid(entry.path(), "an InputLayer may only come first in a Sequential model");
                }
                input = InputShapes.inputLayer(c);
                continue;
            }
            TensorShape declared = InputShapes.fromFields(c, LayerCodecs.type(entry.typeName()));
            if (declared != null) {
                if (layers.isEmpty() && input == null) {
                    input = declared;
                } else if (!layers.isEmpty()) {
                    ctx.warn(entry.path(), "an input shape on a layer other than the first is ignored, as Keras does");
                } else if (!declared.equals(input)) {
                    throw ctx.invalid(entry.path().key("config"), "declares input shape " + declared
                            + " but the InputLayer says " + input);
                }
            }
            layers.add(LayerCodecs.read(entry.typeName(), c));
            sites.add(new SpecErrors.Site(entry.path(), c, LayerCodecs.type(entry.typeName())));
        }
        if (input == null) {
            input = buildShape;
        }
        if (input == null) {
            throw ctx.invalid(entries.isEmpty() ? layersPath : entries.get(0).path(), "the model has no input shape: "
                    + "give an InputLayer with batch_shape (Keras 3), batch_input_shape on the first layer (Keras 2) "
                    + "or input_dim (Keras 1)");
        }
        Sequential s;
        ModelSummary summary;
        try {
            s = new Sequential(name, input, layers, penalties);
            summary = s.summary();
        } catch (InvalidSpecException e) {
            throw SpecErrors.atModel(ctx, e, sites, List.of(), cfgPath);
        }
        JsonSizeLimits.check(ctx, summary.layers(), sites, cfgPath);
        return s;
    }

    static ObjectNode write(Sequential s, Dialect dialect) {
        ModelSummary summary = s.summary();
        ObjectNode root = Json.object();
        boolean k3 = dialect == Dialect.KERAS3;
        ArrayNode layers = Json.array();
        layers.add(inputLayer(s, dialect));
        for (LayerSummary row : summary.layers()) {
            layers.add(layerEntry(row.layer(), row.inputShape(), dialect));
        }
        ObjectNode config = Json.object().put("name", s.name());
        if (k3) {
            config.put("trainable", true);
            config.set("dtype", Json.dtype(dialect));
        }
        config.set("layers", layers);
        if (k3) {
            config.set("build_input_shape", Json.batchShape(s.inputShape()));
            root.put("module", "keras");
        }
        root.put("class_name", "Sequential");
        root.set("config", config);
        if (k3) {
            root.putNull("registered_name");
            root.set("build_config", Json.object().set("input_shape", Json.batchShape(s.inputShape())));
        }
        return root;
    }

    private static ObjectNode inputLayer(Sequential s, Dialect dialect) {
        Set<String> names = new HashSet<>();
        s.layers().forEach(l -> names.add(l.name()));
        String base = dialect == Dialect.KERAS3 ? "input_layer" : s.layers().get(0).name() + "_input";
        String name = base;
        for (int k = 1; names.contains(name); k++) {
            name = base + "_" + k;
        }
        return FunctionalJson.inputLayerEntry(name, s.inputShape(), dialect);
    }

    /** One layer wrapper; Keras 3 adds the module and the build shape. */
    static ObjectNode layerEntry(Layer layer, TensorShape input, Dialect dialect) {
        if (layer instanceof NestedModel nested) {
            return NestedModelJson.write(nested, dialect);
        }
        ObjectNode entry = Json.kerasObject(dialect, "keras.layers", layer.kerasClassName(),
                LayerConfigJson.write(layer, dialect));
        if (dialect == Dialect.KERAS3 && layer.type().hasBuildConfig()) {
            entry.set("build_config", Json.object().set("input_shape", Json.batchShape(input)));
        }
        return entry;
    }
}
