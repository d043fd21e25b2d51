package dev.strata.io;

import dev.strata.graph.WeightSet;
import dev.strata.io.CheckpointException.Reason;
import dev.strata.spec.ModelSpec;
import dev.strata.train.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saving and restoring models: the whole training state, to resume {@code fit} exactly where it stopped, or
 * the weights alone, which with the model's spec make a complete model. Files follow {@link CheckpointFormat};
 * every save is atomic (see {@link AtomicFiles}), and every load is checked in full before a value reaches the
 * model, failing with a {@link CheckpointException} that names the file and what is wrong.
 *
 * <pre>{@code
 * Checkpoints.save(model, Path.of("run.ckpt"), 5);          // after 5 epochs
 * // ... later, in a new process:
 * try (Model m = Model.compile(spec, config, options)) {
 *     Checkpoint c = Checkpoints.restore(m, Path.of("run.ckpt"));
 *     m.fit(data, FitOptions.epochs(20).initialEpoch(c.epoch()));
 * }
 * }</pre>
 */
public final class Checkpoints {
    private Checkpoints() {
    }

    /**
     * Saves weights, optimizer slots, learning rate and step.
     *
     * @param epochsDone epochs completed so far: the {@code initialEpoch} a resumed {@code fit} starts from
     */
    public static void save(Model model, Path file, int epochsDone) {
        requireEpoch(epochsDone);
        WeightSet state = model.trainingState();
        Map<String, WeightSet.Entry> weights = new LinkedHashMap<>();
        Map<String, WeightSet.Entry> optimizer = new LinkedHashMap<>();
        Map<String, long[]> weightNames = Compatibility.weights(model);
        state.entries().forEach((name, e) -> (weightNames.containsKey(name) ? weights : optimizer).put(name, e));
        write(new Checkpoint(Checkpoint.Kind.TRAINING_STATE, epochsDone, model.step(), model.spec().name(),
                new WeightSet(weights), new WeightSet(optimizer)), file);
    }

    /** Saves the weights alone; the epoch is recorded as unknown. */
    public static void saveWeights(Model model, Path file) {
        saveWeights(model, file, -1);
    }

    /** Saves the weights alone, recording the epochs completed (or -1 for unknown). */
    public static void saveWeights(Model model, Path file, int epochsDone) {
        if (epochsDone != -1) {
            requireEpoch(epochsDone);
        }
        write(new Checkpoint(Checkpoint.Kind.WEIGHTS, epochsDone, model.step(), model.spec().name(), model.weights(),
                new WeightSet(Map.of())), file);
    }

    /** Writes a checkpoint value atomically: the file holds either its old contents or all of the new ones. */
    public static void write(Checkpoint checkpoint, Path file) {
        try {
            AtomicFiles.write(file, out -> CheckpointWriter.write(checkpoint, out));
        } catch (IOException e) {
            throw new CheckpointException(file, Reason.IO, "cannot write: " + e.getMessage(), e);
        }
    }

    /** Reads and verifies a checkpoint or weights file without applying it to any model. */
    public static Checkpoint read(Path file) {
        return CheckpointReader.read(file);
    }

    /**
     * Restores the whole training state into a model compiled from the same spec and optimizer; returns the
     * checkpoint, whose {@link Checkpoint#epoch()} is the {@code initialEpoch} to resume {@code fit} with.
     */
    public static Checkpoint restore(Model model, Path file) {
        Checkpoint c = read(file);
        if (c.kind() != Checkpoint.Kind.TRAINING_STATE) {
            throw new CheckpointException(file, Reason.WRONG_KIND, "holds weights only, without the optimizer state "
                    + "needed to resume training; load it with Checkpoints.loadWeights");
        }
        String name = model.spec().name();
        Compatibility.require(file, name, "weight", Compatibility.weights(model), c.weights(), "");
        Compatibility.require(file, name, "optimizer state entry", Compatibility.optimizerState(model),
                c.optimizerState(), " (was it saved with another optimizer? restore needs the same one; "
                        + "Checkpoints.loadWeights takes the weights alone)");
        model.restoreTrainingState(c.trainingState(), c.step());
        return c;
    }

    /**
     * Loads the weights of a weights file or a training-state checkpoint into a model built from the same spec;
     * the model's optimizer state and step are kept.
     */
    public static Checkpoint loadWeights(Model model, Path file) {
        Checkpoint c = read(file);
        Compatibility.require(file, model.spec().name(), "weight", Compatibility.weights(model), c.weights(), "");
        model.setWeights(c.weights());
        return c;
    }

    /**
     * The weights of a file, checked against the weights a model built from {@code spec} has, in that model's
     * order: what an inference graph or an export needs, without compiling a training model.
     */
    public static WeightSet readWeights(Path file, ModelSpec spec) {
        Checkpoint c = read(file);
        Map<String, long[]> expected = Compatibility.weights(spec);
        Compatibility.require(file, spec.name(), "weight", expected, c.weights(), "");
        Map<String, WeightSet.Entry> ordered = new LinkedHashMap<>();
        for (String name : expected.keySet()) {
            ordered.put(name, c.weights().get(name));
        }
        return new WeightSet(ordered);
    }

    private static void requireEpoch(int epochsDone) {
        if (epochsDone < 0) {
            throw new IllegalArgumentException("epochs done must be >= 0, was " + epochsDone);
        }
    }
}
