package dev.strata.io;

import dev.strata.graph.WeightSet;
import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import io.jhdf.HdfFile;
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
 * {@code model.weights.h5}), as {@code model.save("m.keras")} writes them: a model trained in Python, served or
 * fine-tuned from Java.
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

    /** The archive's topology and training configuration (its weights are read by {@link #load}). */
    public static ReadResult readConfig(Path file) {
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

    /** The archive's weights for a model whose weights are {@code strata} (Strata names and shapes, in order). */
    static WeightSet readWeights(Path file, dev.strata.spec.ModelSpec spec, Map<String, long[]> strata) {
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
