package dev.strata.io;

import dev.strata.graph.ModelVariable;
import dev.strata.graph.StateSlot;
import dev.strata.graph.WeightSet;
import dev.strata.io.CheckpointException.Reason;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.WeightSpec;
import dev.strata.train.Model;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a model expects of a checkpoint (entry names and shapes), and the check that a checkpoint delivers
 * exactly that. Runs in Java before any value reaches TensorFlow, so a mismatch names the weight instead of
 * failing in a native assign.
 */
final class Compatibility {
    private Compatibility() {
    }

    /** The weights a model built from this spec has, named {@code layer/weight}, in layer order. */
    static Map<String, long[]> weights(ModelSpec spec) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (LayerSummary row : spec.summary().layers()) {
            for (WeightSpec w : row.weights()) {
                out.put(row.layer().name() + "/" + w.name(), Arrays.stream(w.shape()).asLongStream().toArray());
            }
        }
        return out;
    }

    static Map<String, long[]> weights(Model model) {
        Map<String, StateSlot> state = model.trainingGraph().state();
        Map<String, long[]> out = new LinkedHashMap<>();
        for (ModelVariable v : model.trainingGraph().variables()) {
            out.put(v.name(), state.get(v.name()).shape());
        }
        return out;
    }

    /** Optimizer slots and the learning rate: every state entry that is not a weight. */
    static Map<String, long[]> optimizerState(Model model) {
        Map<String, long[]> weights = weights(model);
        Map<String, long[]> out = new LinkedHashMap<>();
        for (StateSlot s : model.trainingGraph().state().values()) {
            if (!weights.containsKey(s.name())) {
                out.put(s.name(), s.shape());
            }
        }
        return out;
    }

    /**
     * Requires {@code found} to hold exactly the expected names with the expected shapes.
     *
     * @param what "weight" or "optimizer state entry", for the message
     * @param hint appended when entries are missing or extra, e.g. a likely cause
     */
    static void require(Path file, String modelName, String what, Map<String, long[]> expected, WeightSet found,
                        String hint) {
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            WeightSet.Entry have = found.entries().get(e.getKey());
            if (have == null) {
                throw new CheckpointException(file, Reason.INCOMPATIBLE, "model '" + modelName + "' has " + what + " '"
                        + e.getKey() + "' " + Arrays.toString(e.getValue()) + " that the checkpoint lacks; the "
                        + "checkpoint holds " + describe(found) + hint);
            }
            if (!Arrays.equals(have.shape(), e.getValue())) {
                throw new CheckpointException(file, Reason.INCOMPATIBLE, what + " '" + e.getKey() + "' has shape "
                        + Arrays.toString(have.shape()) + " in the checkpoint but " + Arrays.toString(e.getValue())
                        + " in model '" + modelName + "'");
            }
        }
        for (Map.Entry<String, WeightSet.Entry> e : found.entries().entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                throw new CheckpointException(file, Reason.INCOMPATIBLE, "the checkpoint holds " + what + " '"
                        + e.getKey() + "' " + Arrays.toString(e.getValue().shape()) + " that model '" + modelName
                        + "' lacks; the model has " + expected.keySet() + hint);
            }
        }
    }

    private static String describe(WeightSet set) {
        StringBuilder sb = new StringBuilder("[");
        set.entries().forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k)
                .append(Arrays.toString(v.shape())));
        return sb.append(']').toString();
    }
}
