package dev.strata.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Assign ops fed from placeholders, one per float variable, grouped so a whole set of values lands in one
 * session run. Kept under the {@code io} scope so graph walks can tell them from model ops; each op is named
 * directly in that one scope ({@code io/dense_kernel_value}), never in a scope of its own, which would cost a walk
 * over the whole graph per variable.
 */
final class VariableIo {
    private final Map<String, StateSlot> slots = new LinkedHashMap<>();
    private final List<Op> assigns = new ArrayList<>();
    private final Set<String> opNames = new HashSet<>();
    private final Ops io;

    /** @param io the graph's {@code io} scope */
    VariableIo(Ops io) {
        this.io = io;
    }

    void add(String name, long[] shape, Operand<?> handle, Operand<TFloat32> read) {
        add(name, shape, handle, read, 0f);
    }

    /** @param initial the value each element starts from (see {@link StateSlot#initial()}) */
    void add(String name, long[] shape, Operand<?> handle, Operand<TFloat32> read, float initial) {
        String base = ScopeNames.sanitize(name.replace('/', '_'));
        String op = base;
        for (int k = 1; !opNames.add(op); k++) {
            op = base + "_" + k;
        }
        Placeholder<TFloat32> feed = io.withName(op + "_value").placeholder(TFloat32.class,
                Placeholder.shape(org.tensorflow.ndarray.Shape.of(shape)));
        Op assign = io.withName(op + "_assign").assignVariableOp(handle, feed);
        assigns.add(assign);
        slots.put(name, new StateSlot(name, shape, handle, read, feed, assign, initial));
    }

    Map<String, StateSlot> slots() {
        return slots;
    }

    /** One op that runs every assign; the caller feeds every placeholder. */
    Op assignAll() {
        return io.withControlDependencies(assigns).withName("assign_all").noOp();
    }
}
