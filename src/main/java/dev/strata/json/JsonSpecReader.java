package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.spec.ModelPenalty;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads Keras model JSON into a spec, within {@link ReaderLimits}. Accepts a model object
 * ({@code to_json()}, a {@code .keras} archive's config.json), a TensorFlow.js {@code model.json} or its
 * {@code modelTopology}. Immutable and thread-safe.
 */
public final class JsonSpecReader {
    /** Top-level keys with a known meaning; Keras ignores any other, and so does Strata, with a warning. */
    private static final Set<String> TOP_LEVEL = Set.of("class_name", "config", "module", "registered_name",
            "build_config", "compile_config", "training_config", "keras_version", "backend", "strata_format",
            "strata_penalties", "shared_object_id");

    private final ReaderLimits limits;
    private final JsonParsing parsing;

    public JsonSpecReader(ReaderLimits limits) {
        this.limits = limits;
        this.parsing = new JsonParsing(limits);
    }

    public ReaderLimits limits() {
        return limits;
    }

    public ReadResult read(Path file) throws IOException {
        if (Files.size(file) > limits.maxDocumentChars() * 4) { // UTF-8 needs at most 4 bytes per char
            throw tooLarge(file.getFileName().toString());
        }
        String source = file.getFileName().toString();
        return read(DocumentText.decode(Files.readAllBytes(file), source), source);
    }

    public ReadResult read(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            buffer.write(chunk, 0, n);
            if (buffer.size() > limits.maxDocumentChars() * 4) {
                throw tooLarge(null);
            }
        }
        return read(DocumentText.decode(buffer.toByteArray(), null), null);
    }

    public ReadResult read(String json) {
        return read(json, null);
    }

    /** @param source a file name for messages, or null */
    public ReadResult read(String json, String source) {
        if (json.length() > limits.maxDocumentChars()) {
            throw tooLarge(source);
        }
        DocumentText.requireUnicode(json, source);
        ReadContext ctx = new ReadContext(parsing, json, source, limits);
        JsonNode root = parsing.parse(json, source);
        ctx.impliedDimOrdering(root);
        JsonPath path = JsonPath.ROOT;
        JsonNode training = null;
        JsonPath trainingPath = null;
        JsonNode modelNode = root;
        Fields outer = Fields.of(ctx, root, path, "a model document");
        if (outer.contains("modelTopology")) { // a whole TensorFlow.js model.json
            outer.ignore("format", "generatedBy", "convertedBy", "weightsManifest", "signature", "userDefinedMetadata",
                    "modelInitializer", "initializerSignature");
            training = outer.get("trainingConfig"); // where tfjs-layers' own save() puts it
            trainingPath = outer.at("trainingConfig");
            JsonNode topology = outer.get("modelTopology");
            outer.rejectUnknown("TensorFlow.js model.json");
            path = outer.at("modelTopology");
            outer = Fields.of(ctx, topology, path, "modelTopology");
            modelNode = topology;
        }
        if (outer.contains("model_config")) { // TensorFlow.js modelTopology / HDF5 attribute layout
            modelNode = outer.get("model_config");
            if (outer.has("training_config")) {
                training = outer.get("training_config");
                trainingPath = outer.at("training_config");
            }
            outer.ignore("keras_version", "backend");
            outer.rejectUnknown("modelTopology");
            path = outer.at("model_config");
        }
        KerasObject model = KerasObject.of(ctx, modelNode, path, "a model");
        return readModel(ctx, model, training, trainingPath);
    }

    /**
     * Without a {@code keras_version}, whether the layers carry what only Keras 3 writes: a {@code module} beside a
     * layer's {@code class_name}, or an InputLayer's {@code batch_shape} (Keras 1/2 and TF.js write
     * {@code batch_input_shape}).
     */
    private static boolean writtenByKeras3(JsonNode n, int depth) {
        if (depth > 8 || n == null) {
            return false; // layers sit at depth 2 or 3; deeper nesting is nested models, which say the same
        }
        if (n.isObject()) {
            if ((n.has("class_name") && n.has("module")) || n.has("batch_shape")) {
                return true;
            }
            for (JsonNode child : n) {
                if (writtenByKeras3(child, depth + 1)) {
                    return true;
                }
            }
        } else if (n.isArray()) {
            for (JsonNode child : n) {
                if (writtenByKeras3(child, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private ReadResult readModel(ReadContext ctx, KerasObject model, JsonNode training, JsonPath trainingPath) {
        Fields top = model.fields();
        StrataExtras.checkFormat(ctx, top);
        String version = top.string("keras_version", null);
        top.ignore("backend");
        boolean keras3 = version != null ? version.startsWith("3")
                : model.module() != null || writtenByKeras3(model.config(), 0);
        Dialect dialect = keras3 ? Dialect.KERAS3 : Dialect.KERAS2;
        ctx.dialect(dialect);
        TensorShape buildShape = null;
        if (top.has("build_config")) {
            Fields build = top.object("build_config", "build_config");
            if (build.has("input_shape")) {
                buildShape = InputShapes.batchShape(ctx, build.get("input_shape"), build.at("input_shape"), null);
            }
            build.ignore("input_shape");
        }
        List<ModelPenalty> penalties = StrataExtras.penalties(ctx, top);
        ModelSpec spec = switch (model.className()) {
            case "Sequential" -> SequentialJson.read(ctx, model, buildShape, penalties, false);
            case "Model", "Functional" -> FunctionalJson.read(ctx, model, penalties, false);
            default -> throw ctx.unsupported(model.path().key("class_name"), "model class " + model.className()
                    + " is not supported: only Sequential and functional (Model/Functional) models can be loaded; "
                    + "subclassed models are Python code", model.className());
        };
        TrainingConfig config = null;
        List<String> outputs = outputNames(spec);
        // Keras 3.16 writes "compile_config": {} for an uncompiled model; like Keras, empty means none.
        if (top.has("compile_config") && !top.get("compile_config").isEmpty()) {
            config = TrainingConfigJson.read(ctx, top.get("compile_config"), top.at("compile_config"), true,
                    outputs);
        } else if (top.has("training_config") && !top.get("training_config").isEmpty()) {
            config = TrainingConfigJson.read(ctx, top.get("training_config"), top.at("training_config"), false,
                    outputs);
        } else if (training != null && !training.isNull()) {
            config = TrainingConfigJson.read(ctx, training, trainingPath, false, outputs);
        }
        top.ignore("compile_config", "training_config");
        for (String key : top.names()) {
            if (!TOP_LEVEL.contains(key)) {
                ctx.warn(model.path().key(key), "unknown top-level field ignored, as Keras ignores it");
            }
        }
        return new ReadResult(spec, config, ctx.warnings(), dialect);
    }

    /** The model's output names (an incomplete functional graph has none). */
    static List<String> outputNames(ModelSpec spec) {
        if (spec instanceof dev.strata.spec.Functional f && f.outputs().isEmpty()) {
            return List.of();
        }
        return spec.summary().outputNames();
    }

    private JsonSpecException tooLarge(String source) {
        return new JsonSpecException(JsonSpecException.Kind.TOO_LARGE, "$", "the document is larger than "
                + limits.maxDocumentChars() + " characters (ReaderLimits.maxDocumentChars)", "document size", source,
                0, 0, null);
    }
}
