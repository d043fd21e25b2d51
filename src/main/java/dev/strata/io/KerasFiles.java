package dev.strata.io;

import dev.strata.graph.WeightSet;
import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import dev.strata.json.Dialect;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Files;
import java.util.zip.ZipOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Keras 3 {@code .keras} archives (a zip of {@code config.json}, {@code metadata.json} and
 * {@code model.weights.h5}), as {@code model.save("m.keras")} writes them, and Keras 2's full-model {@code .h5}
 * files: a model trained in Python, served or fine-tuned from Java.
 *
 * <pre>{@code
 * try (Model model = KerasFiles.load(Path.of("classifier.keras"))) {
 *     float[][] p = model.predict(rows);
 * }
 * }</pre>
 */
public final class KerasFiles {
    /** Weights files beyond this are refused rather than read into memory (jhdf reads a member from bytes). */
    static final long MAX_WEIGHTS_BYTES = Integer.MAX_VALUE - 8;

    private KerasFiles() {
    }

    /** The file's topology and training configuration (its weights are read by {@link #load}). */
    public static ReadResult readConfig(Path file) {
        if (legacy(file)) {
            try (HdfFile h5 = openH5(file)) {
                return KerasLegacyH5.readConfig(h5, file.toString());
            } catch (KerasFileException | dev.strata.spec.SpecException e) {
                throw e;
            } catch (RuntimeException e) { // jhdf reads lazily: a truncated or damaged file fails past the open
                throw new KerasFileException(file.toString(), "not a readable HDF5 file (truncated or damaged?): "
                        + e.getMessage(), e);
            }
        }
        try (ZipFile zip = open(file)) {
            return ModelJson.read(new String(member(zip, file, "config.json"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KerasFileException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The model, compiled with the archive's {@code compile_config} (or, without one, for inference: SGD and mean
     * squared error, which only matter to {@code fit}), its weights set from the archive.
     */
    public static Model load(Path file) {
        return load(file, ModelOptions.defaults());
    }

    public static Model load(Path file, ModelOptions options) {
        ReadResult read = readConfig(file);
        TrainingConfig config = read.trainingConfig() != null ? read.trainingConfig()
                : TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError());
        Model model = Model.compile(read.spec(), config, options);
        try {
            model.setWeights(readWeights(file, read.spec(), Compatibility.weights(model)));
            return model;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Loads weights saved by Keras into {@code model} (whose spec has the same layers): a Keras 3
     * {@code .weights.h5} ({@code model.save_weights}), a Keras 2 weights {@code .h5}, or the weights of a
     * {@code .keras} archive or full-model {@code .h5}. Nothing is loaded unless every weight fits.
     */
    public static void loadWeights(Model model, Path file) {
        model.setWeights(readWeights(file, model.spec(), Compatibility.weights(model)));
    }

    /** Writes {@code model}'s weights as Keras 3's {@code model.save_weights("m.weights.h5")} does. */
    public static void saveWeights(Model model, Path file) {
        try {
            byte[] weights = weightsH5(model, file);
            AtomicFiles.write(file, out -> out.write(weights));
        } catch (IOException e) {
            throw new KerasFileException(file.toString(), "cannot write: " + e.getMessage(), e);
        }
    }

    /** The file's weights for a model whose weights are {@code strata} (Strata names and shapes, in order). */
    static WeightSet readWeights(Path file, dev.strata.spec.ModelSpec spec, Map<String, long[]> strata) {
        if (legacy(file)) {
            try (HdfFile h5 = openH5(file)) {
                // Keras 3's save_weights layout has a 'layers' group; Keras 2's has per-layer groups by name.
                return h5.getChild("layers") instanceof io.jhdf.api.Group ? KerasWeightsH5.read(h5, spec, strata,
                        file.toString()) : KerasLegacyH5.readWeights(h5, strata, file.toString());
            } catch (KerasFileException | dev.strata.spec.SpecException e) {
                throw e;
            } catch (RuntimeException e) { // jhdf reads lazily: a truncated or damaged file fails past the open
                throw new KerasFileException(file.toString(), "not a readable HDF5 file (truncated or damaged?): "
                        + e.getMessage(), e);
            }
        }
        try (ZipFile zip = open(file)) {
            byte[] h5 = member(zip, file, "model.weights.h5");
            try (HdfFile hdf = HdfFile.fromBytes(h5)) {
                return KerasWeightsH5.read(hdf, spec, strata, file + "!model.weights.h5");
            }
        } catch (IOException e) {
            throw new KerasFileException(file.toString(), "cannot read: " + e.getMessage(), e);
        } catch (KerasFileException e) {
            throw e;
        } catch (RuntimeException e) { // jhdf's own exceptions for a damaged HDF5 member
            throw new KerasFileException(file.toString(), "model.weights.h5 is not a readable HDF5 file: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code model} as Keras 3's {@code model.save("m.keras")} would: its topology and compile config
     * ({@code config.json}), and its weights ({@code model.weights.h5}); {@code keras.saving.load_model} reads it.
     * Optimizer state is not written (Keras builds a fresh optimizer, as after {@code compile}). The file is
     * written whole or not at all.
     */
    public static void save(Model model, Path file) {
        try {
            byte[] weights = weightsH5(model, file);
            AtomicFiles.write(file, stream -> {
                ZipOutputStream out = new ZipOutputStream(stream);
                entry(out, "metadata.json", ("{\"keras_version\": \"" + KERAS_FORMAT + "\", \"date_saved\": \""
                        + java.time.LocalDateTime.now().withNano(0).toString().replace('T', '@')
                        + "\", \"written_by\": \"strata\"}").getBytes(StandardCharsets.UTF_8));
                entry(out, "config.json", ModelJson.write(model.spec(), model.config(), Dialect.KERAS3)
                        .getBytes(StandardCharsets.UTF_8));
                entry(out, "model.weights.h5", weights);
                out.finish();
            });
        } catch (IOException e) {
            throw new KerasFileException(file.toString(), "cannot write: " + e.getMessage(), e);
        }
    }

    /** The weights in Keras 3's HDF5 layout, as bytes (jhdf writes to a file: a temporary one beside the target). */
    private static byte[] weightsH5(Model model, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path h5 = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime())
                + ".h5.tmp");
        try {
            try (WritableHdfFile out = HdfFile.write(h5)) {
                KerasWeightsH5Writer.write(out, model.spec(), model.weights());
            }
            return Files.readAllBytes(h5);
        } finally {
            Files.deleteIfExists(h5);
        }
    }

    /** The Keras version whose archive layout {@link #save} writes. */
    static final String KERAS_FORMAT = "3.15.1";

    private static void entry(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    /** Keras 2's full-model HDF5 ({@code .h5}, {@code .hdf5}); anything else is read as a {@code .keras} zip. */
    private static boolean legacy(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".h5") || name.endsWith(".hdf5");
    }

    private static HdfFile openH5(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new KerasFileException(file.toString(), "no such file");
        }
        try {
            return new HdfFile(file);
        } catch (RuntimeException e) { // jhdf's exceptions for a file that is not HDF5
            throw new KerasFileException(file.toString(), "not an HDF5 file: " + e.getMessage(), e);
        }
    }

    private static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
            throw new KerasFileException(file.toString(), "no such file", e);
        } catch (ZipException e) {
            throw new KerasFileException(file.toString(), "not a .keras archive (zip): " + e.getMessage(), e);
        }
    }

    private static byte[] member(ZipFile zip, Path file, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new KerasFileException(file.toString(), "the archive has no " + name);
        }
        if (entry.getSize() > MAX_WEIGHTS_BYTES) {
            throw new KerasFileException(file.toString(), name + " is " + entry.getSize() + " bytes, more than "
                    + MAX_WEIGHTS_BYTES + " Strata reads into memory");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
