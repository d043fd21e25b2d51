package dev.strata.train;

import dev.strata.graph.TrainingGraph;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.TensorShape;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One model's checks of the data it is given ({@link DataShapes}), remembering the shapes that passed: for inputs
 * of unknown size the check summarizes the whole spec (0.4 ms on a 200-layer stack), which many small predicts on
 * a sequence model would otherwise redo per call.
 */
final class DataChecks {
    /** Enough distinct shapes for any real use; beyond it the check simply runs each time. */
    private static final int MAX_REMEMBERED = 1024;

    private final ModelSpec spec;
    private final TrainingGraph train;
    private final Set<List<List<TensorShape>>> accepted = ConcurrentHashMap.newKeySet();

    DataChecks(ModelSpec spec, TrainingGraph train) {
        this.spec = spec;
        this.train = train;
    }

    /** Rows of flattened examples as a dataset of the model's input shape. */
    Dataset examples(float[][] rows) {
        return DataShapes.examples(train, spec.name(), rows);
    }

    /** See {@link DataShapes#targetDims}. */
    List<long[]> targetDims(Dataset data) {
        return DataShapes.targetDims(train, data);
    }

    void requireInputs(Dataset data) {
        DataShapes.requireInputs(train, spec.name(), data);
        requireLayersAccept(data);
    }

    void requireTargets(Dataset data) {
        DataShapes.requireTargets(train, spec.name(), data);
        requireLayersAccept(data);
    }

    private void requireLayersAccept(Dataset data) {
        List<List<TensorShape>> shapes = List.of(data.xShapes(), data.yShapes());
        if (!accepted.contains(shapes)) {
            DataShapes.requireLayersAccept(spec, train, data);
            if (accepted.size() < MAX_REMEMBERED) {
                accepted.add(shapes);
            }
        }
    }
}
