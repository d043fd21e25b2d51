package dev.strata.graph.kernels;

import dev.strata.graph.LayerCall;
import dev.strata.spec.TensorShape;
import dev.strata.spec.layers.Recurrent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The loop of Keras's {@code backend.rnn}, unrolled over the known number of steps. TensorFlow's C API can build a
 * while loop ({@code Graph.whileLoop}) but cannot differentiate one that RNNs need: its while-loop gradient keeps no
 * per-step values (no stacks), wants a gradient into every loop output, and otherwise aborts the process
 * ({@code gradients.cc} CHECK); so the unrolled length must be known when the graph is built. A sequence of unknown
 * length is padded to a bound and masked (see {@link #padded}).
 *
 * <p>As Keras: the sequence is read backwards with {@code go_backwards} (outputs stay in reading order); at a
 * masked step the states keep their previous value and the output repeats the previous step's output (zeros before
 * the first, or always zeros with {@code zero_output_for_mask}).
 */
final class Recurrence {
    private Recurrence() {
    }

    /** One layer's weights: {@code bias} is null without one. */
    record Weights(Operand<TFloat32> kernel, Operand<TFloat32> recurrent, Operand<TFloat32> bias) {
    }

    /** The layer's outputs: the sequence {@code (batch, steps, units)} or the last output, then the final states. */
    record Result(Operand<TFloat32> output, List<Operand<TFloat32>> states) {
    }

    /**
     * Runs {@code rnn} over {@code x (batch, steps, features)}.
     *
     * @param mask the (batch, steps) mask, or null
     * @param initial the initial states (Keras's {@code initial_state}), or empty for zeros
     * @param salt tells this direction's dropout masks from another's (Bidirectional)
     */
    static Result run(LayerCall call, Recurrent rnn, Operand<TFloat32> x, Operand<TBool> mask, Weights w,
                      List<Operand<TFloat32>> initial, long salt) {
        Ops tf = call.tf();
        TensorShape in = call.inputShape();
        int features = in.dim(-1);
        if (in.dim(0) == TensorShape.UNKNOWN) {
            return padded(call, rnn, x, mask, w, initial, salt, features);
        }
        return unrolled(call, rnn, x, mask, w, initial, salt, in.dim(0), features);
    }

    private static Result unrolled(LayerCall call, Recurrent rnn, Operand<TFloat32> x, Operand<TBool> mask,
                                   Weights w, List<Operand<TFloat32>> initial, long salt, int steps, int features) {
        Ops tf = call.tf();
        Cells.Dropout drop = Cells.Dropout.draw(call, rnn, x, salt);
        List<List<Operand<TFloat32>>> gateInputs = projectInputs(tf, rnn, x, w, drop, steps, features);
        List<Operand<TBool>> masks = mask == null ? null : stepMasks(tf, mask, steps);

        Operand<TFloat32> zeros = tf.zerosLike(gateInputs.get(0).get(0));
        List<Operand<TFloat32>> states = new ArrayList<>(initial.isEmpty() ? Collections.nCopies(rnn.stateCount(),
                zeros) : initial);
        List<Operand<TFloat32>> outputs = new ArrayList<>(steps);
        Operand<TFloat32> previous = zeros;
        for (int i = 0; i < steps; i++) {
            int t = rnn.goBackwards() ? steps - 1 - i : i;
            List<Operand<TFloat32>> next = Cells.step(tf, rnn, gateInputs.get(t), states, w, drop);
            Operand<TFloat32> out = next.get(0);
            if (masks != null) {
                Operand<TBool> m = masks.get(t);
                out = tf.select(m, out, rnn.zeroOutputForMask() ? zeros : previous);
                List<Operand<TFloat32>> kept = new ArrayList<>(states.size());
                for (int s = 0; s < states.size(); s++) {
                    kept.add(tf.select(m, next.get(s), states.get(s)));
                }
                next = kept;
            }
            states = next;
            previous = out;
            if (rnn.returnSequences()) {
                outputs.add(out);
            }
        }
        Operand<TFloat32> output = rnn.returnSequences() ? tf.stack(outputs, Stack.axis(1L)) : previous;
        return new Result(output, states);
    }

    /**
     * A sequence of unknown length L: padded to {@link LayerCall#maxSequenceLength} steps with those past L masked,
     * which keeps the states and repeats the output there exactly as Keras's loop over L steps ends; the outputs are
     * then cut back to the L that belong to the sequence (the last L in reading order with {@code go_backwards}).
     * A longer sequence fails when the graph runs, naming the option that raises the bound.
     */
    private static Result padded(LayerCall call, Recurrent rnn, Operand<TFloat32> x, Operand<TBool> mask, Weights w,
                                 List<Operand<TFloat32>> initial, long salt, int features) {
        Ops tf = call.tf();
        int bound = call.maxSequenceLength();
        Operand<TInt32> length = tf.reshape(tf.slice(tf.shape(x), tf.constant(new int[] {1}),
                tf.constant(new int[] {1})), tf.constant(new int[0]));
        Operand<TInt32> boundOp = tf.constant(bound);
        org.tensorflow.op.core.AssertThat fits = tf.assertThat(tf.math.lessEqual(length, boundOp), List.of(
                tf.constant(rnn.name() + ": a sequence of unknown length has more steps than the " + bound
                        + " the graph was built for; raise ModelOptions.maxSequenceLength (steps given:"), length,
                tf.constant(")")));
        Operand<TInt32> extra = tf.math.sub(boundOp, length);
        Operand<TInt32> padding = tf.reshape(tf.stack(List.of(tf.constant(0), tf.constant(0), tf.constant(0), extra,
                tf.constant(0), tf.constant(0))), tf.constant(new int[] {3, 2}));
        Operand<TFloat32> xPadded = tf.withControlDependencies(List.of(fits)).pad(x, padding, tf.constant(0f));
        xPadded = tf.reshape(xPadded, tf.constant(new int[] {-1, bound, features}));
        // Steps before L are real; a given mask (batch, L) is padded with false.
        Operand<TBool> real = tf.expandDims(tf.math.less(tf.range(tf.constant(0), boundOp, tf.constant(1)), length),
                tf.constant(0));
        Operand<TInt32> batch = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TBool> fullMask = tf.broadcastTo(real, tf.concat(List.of(batch, tf.constant(new int[] {bound})),
                tf.constant(0)));
        if (mask != null) {
            Operand<TInt32> maskPadding = tf.reshape(tf.stack(List.of(tf.constant(0), tf.constant(0),
                    tf.constant(0), extra)), tf.constant(new int[] {2, 2}));
            Operand<TFloat32> given = tf.pad(tf.dtypes.cast(mask, TFloat32.class), maskPadding, tf.constant(0f));
            fullMask = tf.math.logicalAnd(tf.math.greater(given, tf.constant(0f)), real);
        }
        Result r = unrolled(call, rnn, xPadded, fullMask, w, initial, salt, bound, features);
        if (!rnn.returnSequences()) {
            return r;
        }
        Operand<TInt32> start = rnn.goBackwards() ? extra : tf.constant(0);
        Operand<TFloat32> kept = tf.slice(r.output(), tf.stack(List.of(tf.constant(0), start, tf.constant(0))),
                tf.stack(List.of(tf.constant(-1), length, tf.constant(-1))));
        return new Result(kept, r.states());
    }

    /**
     * The input side of every gate at every step, {@code [step][gate] (batch, units)}, bias included: one matrix
     * product over all steps at once, since the input side does not depend on the state.
     */
    private static List<List<Operand<TFloat32>>> projectInputs(Ops tf, Recurrent rnn, Operand<TFloat32> x,
                                                               Weights w, Cells.Dropout drop, int steps,
                                                               int features) {
        int gates = rnn.gates();
        int units = rnn.units();
        Operand<TFloat32> inputBias = w.bias() == null ? null : Cells.inputBias(tf, rnn, w.bias());
        List<List<Operand<TFloat32>>> perStep = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            perStep.add(new ArrayList<>(gates));
        }
        boolean perGate = drop.input() != null && drop.input().size() > 1;
        List<Operand<TFloat32>> kernels = perGate ? Cells.split(tf, w.kernel(), gates, 1) : List.of(w.kernel());
        List<Operand<TFloat32>> biases = inputBias == null ? null
                : perGate ? Cells.split(tf, inputBias, gates, 0) : List.of(inputBias);
        for (int k = 0; k < kernels.size(); k++) {
            Operand<TFloat32> xk = x;
            if (drop.input() != null) {
                xk = tf.math.mul(x, tf.expandDims(drop.input().get(k), tf.constant(1)));
            }
            int width = perGate ? units : gates * units;
            Operand<TFloat32> flat = tf.reshape(xk, tf.constant(new int[] {-1, features}));
            Operand<TFloat32> proj = tf.linalg.matMul(flat, kernels.get(k));
            if (biases != null) {
                proj = tf.nn.biasAdd(proj, biases.get(k));
            }
            proj = tf.reshape(proj, tf.constant(new int[] {-1, steps, width}));
            List<Operand<TFloat32>> byStep = unstack(tf, proj, steps);
            for (int t = 0; t < steps; t++) {
                perStep.get(t).addAll(perGate ? List.of(byStep.get(t)) : Cells.split(tf, byStep.get(t), gates, 1));
            }
        }
        return perStep;
    }

    /** Each step's mask as (batch, 1), to select whole rows of (batch, units) tensors. */
    private static List<Operand<TBool>> stepMasks(Ops tf, Operand<TBool> mask, int steps) {
        List<Operand<TBool>> out = new ArrayList<>(steps);
        Operand<TInt32> axis = tf.constant(-1);
        for (Operand<TBool> m : tf.unstack(mask, (long) steps, Unstack.axis(1L)).output()) {
            out.add(tf.expandDims(m, axis));
        }
        return out;
    }

    static List<Operand<TFloat32>> unstack(Ops tf, Operand<TFloat32> x, int steps) {
        return new ArrayList<>(tf.unstack(x, (long) steps, Unstack.axis(1L)).output());
    }
}
