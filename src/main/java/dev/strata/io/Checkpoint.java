package dev.strata.io;

import dev.strata.graph.WeightSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contents of a checkpoint or weights file, as read by {@link Checkpoints#read}.
 *
 * @param kind           weights only, or the whole training state
 * @param epoch          epochs completed when it was saved: pass it to {@code FitOptions.initialEpoch} to resume;
 *                       -1 when the writer did not know (a weights file saved outside {@code fit})
 * @param step           optimizer steps taken (Keras {@code optimizer.iterations})
 * @param modelName      the saving model's name, for messages only: a renamed model may load it
 * @param weights        the model weights, in the model's variable order
 * @param optimizerState optimizer slots and learning rate; empty for {@link Kind#WEIGHTS}
 */
public record Checkpoint(Kind kind, int epoch, long step, String modelName, WeightSet weights,
                         WeightSet optimizerState) {
    /** What the file holds. */
    public enum Kind {
        /** The weights alone: with the spec, a complete model for inference or fine-tuning. */
        WEIGHTS,
        /** Weights, optimizer slots, learning rate, step and epoch: enough to resume {@code fit} bit for bit. */
        TRAINING_STATE
    }

    public Checkpoint {
        if (epoch < -1) {
            throw new IllegalArgumentException("epoch must be >= 0, or -1 for unknown; was " + epoch);
        }
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, was " + step);
        }
        if (kind == Kind.WEIGHTS && !optimizerState.entries().isEmpty()) {
            throw new IllegalArgumentException("a weights-only checkpoint holds no optimizer state, got "
                    + optimizerState.entries().keySet());
        }
        for (String name : optimizerState.entries().keySet()) {
            if (weights.entries().containsKey(name)) {
                throw new IllegalArgumentException("'" + name + "' is both a weight and an optimizer state entry");
            }
        }
    }

    /** Weights then optimizer state, as {@code Model.restoreTrainingState} takes them. */
    public WeightSet trainingState() {
        Map<String, WeightSet.Entry> all = new LinkedHashMap<>(weights.entries());
        all.putAll(optimizerState.entries());
        return new WeightSet(all);
    }
}
