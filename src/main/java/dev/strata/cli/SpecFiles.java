package dev.strata.cli;

import dev.strata.json.JsonSpecException;
import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;
import dev.strata.spec.Activation;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.ModelSummary;
import dev.strata.spec.Optimizer;
import dev.strata.spec.SpecException;
import dev.strata.spec.TrainingConfig;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Loading spec files for the commands, and the one-line error each failure becomes. */
final class SpecFiles {
    private SpecFiles() {
    }

    /** A JSON spec, or the topology and training configuration of a Keras {@code .keras} or {@code .h5} file. */
    static ReadResult read(Path file) throws IOException {
        return isKerasFile(file) ? dev.strata.io.KerasFiles.readConfig(file) : ModelJson.read(file);
    }

    /** A Keras model or weights file ({@code .keras}, {@code .h5}, {@code .hdf5}), by its name. */
    static boolean isKerasFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".keras") || name.endsWith(".h5") || name.endsWith(".hdf5");
    }

    /**
     * Sets {@code model}'s weights from a file: Keras's ({@code .weights.h5}, a Keras 2 weights {@code .h5}, or the
     * weights inside a {@code .keras} / full-model {@code .h5}) or Strata's own weights file or checkpoint.
     */
    static void loadWeights(dev.strata.train.Model model, Path file) {
        if (isKerasFile(file)) {
            dev.strata.io.KerasFiles.loadWeights(model, file);
        } else {
            dev.strata.io.Checkpoints.loadWeights(model, file);
        }
    }

    /**
     * The training configuration of a spec file: its own {@code training_config} / {@code compile_config},
     * else what Keras users would pick for its output: crossentropy after softmax or sigmoid, MSE otherwise,
     * with Adam.
     */
    static TrainingConfig trainingFor(ReadResult read, ModelSummary summary) {
        return read.training().orElseGet(() -> defaultTraining(summary));
    }

    static TrainingConfig defaultTraining(ModelSummary summary) {
        Activation last = Activation.LINEAR;
        for (LayerSummary row : summary.layers()) {
            Activation applied = row.layer().appliedActivation();
            last = applied != null ? applied : last;
        }
        if (last == Activation.SOFTMAX) {
            return TrainingConfig.of(Optimizer.adam(), Loss.categoricalCrossentropy(), Metric.ACCURACY);
        }
        if (last == Activation.SIGMOID) {
            return TrainingConfig.of(Optimizer.adam(), Loss.binaryCrossentropy(), Metric.ACCURACY);
        }
        return TrainingConfig.of(Optimizer.adam(), Loss.meanSquaredError(), Metric.MEAN_ABSOLUTE_ERROR);
    }

    /** A failure as one line: the JSON path and problem where known, never a stack trace. */
    static String describe(Throwable e) {
        if (e instanceof JsonSpecException j) {
            String where = j.line() > 0 ? " (line " + j.line() + ", column " + j.column() + ")" : "";
            return j.path() + ": " + j.problem() + where;
        }
        if (e instanceof SpecException || e instanceof IllegalArgumentException
                || (e.getMessage() != null && e.getClass().getName().startsWith("dev.strata."))) {
            return e.getMessage(); // Strata's own typed errors already say what and where
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof IOException) {
            return "cannot read: " + e.getMessage();
        }
        return "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    static List<String> metricNames(TrainingConfig config) {
        return config.metrics().stream().map(Metric::kerasName).toList();
    }
}
