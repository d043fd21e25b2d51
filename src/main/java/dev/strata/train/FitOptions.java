package dev.strata.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of Keras {@code fit}, with Keras defaults: batch size 32, shuffle on, no validation.
 * Immutable; each method returns a changed copy: {@code FitOptions.epochs(10).batchSize(64).validationSplit(0.2)}.
 *
 * @param shuffleSeed seed of the per-epoch permutations; null means the model seed
 */
public record FitOptions(int epochs, int batchSize, Dataset validationData, double validationSplit, boolean shuffle,
                         Long shuffleSeed, int initialEpoch, Verbosity verbosity, List<Callback> callbacks) {

    public FitOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, was " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, was " + batchSize);
        }
        if (validationSplit != 0 && !(validationSplit > 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("validation split must be in [0, 1), was " + validationSplit);
        }
        if (validationData != null && validationSplit != 0) {
            throw new IllegalArgumentException("give validation data or a validation split, not both");
        }
        if (initialEpoch < 0 || initialEpoch >= epochs) {
            throw new IllegalArgumentException("initial epoch must be in [0, epochs), was " + initialEpoch);
        }
        callbacks = List.copyOf(callbacks);
    }

    public static FitOptions epochs(int epochs) {
        return new FitOptions(epochs, 32, null, 0, true, null, 0, Verbosity.AUTO, List.of());
    }

    public FitOptions batchSize(int batchSize) {
        return new FitOptions(epochs, batchSize, validationData, validationSplit, shuffle, shuffleSeed, initialEpoch,
                verbosity, callbacks);
    }

    public FitOptions validationData(Dataset validationData) {
        return new FitOptions(epochs, batchSize, validationData, validationSplit, shuffle, shuffleSeed, initialEpoch,
                verbosity, callbacks);
    }

    public FitOptions validationSplit(double validationSplit) {
        return new FitOptions(epochs, batchSize, validationData, validationSplit, shuffle, shuffleSeed, initialEpoch,
                verbosity, callbacks);
    }

    public FitOptions shuffle(boolean shuffle) {
        return new FitOptions(epochs, batchSize, validationData, validationSplit, shuffle, shuffleSeed, initialEpoch,
                verbosity, callbacks);
    }

    public FitOptions shuffleSeed(long shuffleSeed) {
        return new FitOptions(epochs, batchSize, validationData, validationSplit, shuffle, shuffleSeed, initialEpoch,
                verbosity, callbacks);
    }

    /** Epoch to start from (zero-based), to resume a run: epochs before it are skipped. */
    public FitOptions initialEpoch(int initialEpoch) {
        return new FitOptions(epochs, batchSize, validationData, validationSplit, shuffle, shuffleSeed, initialEpoch,
                verbosity, callbacks);
    }

    public FitOptions verbosity(Verbosity verbosity) {
        return new FitOptions(epochs, batchSize, validationData, validationSplit, shuffle, shuffleSeed, initialEpoch,
                verbosity, callbacks);
    }

    public FitOptions quiet() {
        return verbosity(Verbosity.SILENT);
    }

    public FitOptions callbacks(Callback... more) {
        List<Callback> all = new ArrayList<>(callbacks);
        all.addAll(List.of(more));
        return new FitOptions(epochs, batchSize, validationData, validationSplit, shuffle, shuffleSeed, initialEpoch,
                verbosity, all);
    }
}
