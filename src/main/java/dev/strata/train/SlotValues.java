package dev.strata.train;

import dev.strata.graph.StateSlot;
import dev.strata.graph.WeightSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Reads and writes groups of graph variables in one session run each. */
final class SlotValues {
    private SlotValues() {
    }

    static WeightSet read(Session session, Collection<StateSlot> slots) {
        if (slots.isEmpty()) {
            return new WeightSet(Map.of()); // a session run with nothing to fetch is an error in TensorFlow
        }
        Session.Runner runner = session.runner();
        List<StateSlot> order = new ArrayList<>(slots);
        for (StateSlot s : order) {
            runner.fetch(s.read());
        }
        Map<String, WeightSet.Entry> out = new LinkedHashMap<>();
        try (Result result = runner.run()) {
            for (int i = 0; i < order.size(); i++) {
                TFloat32 t = (TFloat32) result.get(i);
                float[] values = new float[(int) t.size()];
                t.copyTo(DataBuffers.of(values, false, false));
                out.put(order.get(i).name(), new WeightSet.Entry(order.get(i).shape(), values));
            }
        }
        return new WeightSet(out);
    }

    /** Assigns every slot from the matching entry; names and shapes must match exactly. */
    static void write(Session session, Collection<StateSlot> slots, WeightSet values) {
        if (slots.isEmpty()) {
            return;
        }
        List<Tensor> tensors = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (StateSlot s : slots) {
                WeightSet.Entry e = values.get(s.name());
                if (!java.util.Arrays.equals(e.shape(), s.shape())) {
                    throw new IllegalArgumentException("weight '" + s.name() + "' has shape "
                            + java.util.Arrays.toString(e.shape()) + " but the model needs "
                            + java.util.Arrays.toString(s.shape()));
                }
                TFloat32 t = TFloat32.tensorOf(Shape.of(s.shape()), DataBuffers.of(e.values(), true, false));
                tensors.add(t);
                runner.feed(s.feed(), t).addTarget(s.assign());
            }
            runner.run().close();
        } finally {
            for (Tensor t : tensors) {
                t.close();
            }
        }
    }
}
