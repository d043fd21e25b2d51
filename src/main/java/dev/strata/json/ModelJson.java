package dev.strata.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.spec.Functional;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.Sequential;
import dev.strata.spec.SpecException;
import dev.strata.spec.TrainingConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Keras-compatible model JSON, both ways.
 * <pre>{@code
 * ReadResult r = ModelJson.read(Path.of("model.json"));     // Keras 1/2/3, TF.js, .keras config.json
 * String json = ModelJson.write(r.spec(), Dialect.KERAS3);   // what keras.models.model_from_json reads
 * }</pre>
 * Reading never runs or loads code named by the file; errors are {@link JsonSpecException}s with a JSON path.
 * Writing is deterministic (Keras's key order, Python's number format), and {@code read(write(spec))} gives an
 * equal spec for every spec the fluent API builds with an input shape.
 */
public final class ModelJson {
    private static final JsonSpecReader DEFAULT = new JsonSpecReader(ReaderLimits.defaults());

    private ModelJson() {
    }

    /** A reader with other limits, for example {@code ModelJson.reader(ReaderLimits.defaults().withMaxParams(n))}. */
    public static JsonSpecReader reader(ReaderLimits limits) {
        return new JsonSpecReader(limits);
    }

    public static ReadResult read(Path file) throws IOException {
        return DEFAULT.read(file);
    }

    public static ReadResult read(InputStream in) throws IOException {
        return DEFAULT.read(in);
    }

    public static ReadResult read(String json) {
        return DEFAULT.read(json);
    }

    /** Keras 3 JSON of the model. */
    public static String write(ModelSpec spec) {
        return write(spec, null, Dialect.KERAS3);
    }

    public static String write(ModelSpec spec, Dialect dialect) {
        return write(spec, null, dialect);
    }

    /**
     * The model with its compile settings: Keras 3 {@code compile_config}, or a Keras 2 {@code training_config}
     * (at top level, where Keras's {@code model_from_json} ignores it and Strata reads it back).
     *
     * @param training null to leave the settings out
     * @throws SpecException if the model is incomplete (no input shape, no layers, no outputs)
     * @throws JsonSpecException of kind TOO_LARGE if the document would be larger or nest deeper than a reader with
     *     default limits reads: what Strata writes, Strata reads
     */
    public static String write(ModelSpec spec, TrainingConfig training, Dialect dialect) {
        ObjectNode root;
        if (spec instanceof Sequential s) {
            root = SequentialJson.write(s, dialect);
        } else if (spec instanceof Functional f) {
            root = FunctionalJson.write(f, dialect);
        } else {
            throw new SpecException("cannot write a model of type " + spec.getClass().getSimpleName());
        }
        if (dialect == Dialect.KERAS2) {
            root.put("keras_version", KERAS2_VERSION);
            root.put("backend", "tensorflow");
        }
        if (training != null) {
            root.set(dialect == Dialect.KERAS3 ? "compile_config" : "training_config",
                    TrainingConfigJson.write(training, dialect, JsonSpecReader.outputNames(spec)));
        }
        StrataExtras.write(root, spec, dialect);
        return DocumentText.checkWritable(JsonOut.pretty(root), root);
    }

    /** The tf.keras release whose {@code to_json()} layout the Keras 2 writer follows. */
    static final String KERAS2_VERSION = "2.15.0";
}
