package dev.strata.graph.kernels;

import dev.strata.graph.Flow;
import dev.strata.graph.LayerCall;
import dev.strata.spec.Activation;
import dev.strata.spec.layers.GRU;
import dev.strata.spec.layers.LSTM;
import dev.strata.spec.layers.Recurrent;
import dev.strata.spec.layers.SimpleRNN;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * One step of Keras's SimpleRNNCell, LSTMCell and GRUCell, given each gate's input side (bias included); the
 * formulas and gate orders are Keras 3's.
 */
final class Cells {
    private Cells() {
    }

    /**
     * Keras's dropout masks, drawn once per call and used at every step: without recurrent dropout one mask on the
     * input; with it (Keras's {@code implementation=1}) one mask per gate on the input and one per gate on the
     * previous output. SimpleRNN has one of each. Values are 0 or {@code 1 / (1 - rate)}.
     *
     * @param input (batch, features) masks, one or one per gate; null for none
     * @param recurrent (batch, units) masks, one or one per gate; null for none
     */
    record Dropout(List<Operand<TFloat32>> input, List<Operand<TFloat32>> recurrent) {

        static Dropout draw(LayerCall call, Recurrent rnn, Operand<TFloat32> x, long salt) {
            if (!call.noise() || (rnn.dropout() == 0 && rnn.recurrentDropout() == 0)) {
                return new Dropout(null, null);
            }
            Ops tf = call.tf();
            int count = rnn.recurrentDropout() > 0 && !(rnn instanceof SimpleRNN) ? rnn.gates() : 1;
            Operand<TInt32> batch = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
            List<Operand<TFloat32>> in = rnn.dropout() == 0 ? null : masks(call, rnn, rnn.dropout(), count,
                    tf.concat(List.of(batch, tf.constant(new int[] {call.inputShape().dim(-1)})), tf.constant(0)),
                    salt);
            List<Operand<TFloat32>> rec = rnn.recurrentDropout() == 0 ? null : masks(call, rnn,
                    rnn.recurrentDropout(), count, tf.concat(List.of(batch, tf.constant(new int[] {rnn.units()})),
                            tf.constant(0)), salt + 50);
            return new Dropout(in, rec);
        }

        private static List<Operand<TFloat32>> masks(LayerCall call, Recurrent rnn, double rate, int count,
                                                     Operand<TInt32> shape, long salt) {
            Ops tf = call.tf();
            List<Operand<TFloat32>> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Operand<TFloat32> u = tf.random.statelessRandomUniform(shape, call.randomSeed(rnn.seed(), salt + i),
                        TFloat32.class);
                Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(u, tf.constant((float) rate)),
                        TFloat32.class);
                out.add(tf.math.mul(keep, tf.constant((float) (1.0 / (1.0 - rate)))));
            }
            return out;
        }
    }

    /** The bias on the input side: GRU's first row with {@code reset_after}, else the whole bias. */
    static Operand<TFloat32> inputBias(Ops tf, Recurrent rnn, Operand<TFloat32> bias) {
        return rnn instanceof GRU g && g.resetAfter() ? row(tf, bias, 0) : bias;
    }

    /** Row {@code i} of a (2, n) bias. */
    private static Operand<TFloat32> row(Ops tf, Operand<TFloat32> bias, int i) {
        Operand<TFloat32> r = tf.slice(bias, tf.constant(new int[] {i, 0}), tf.constant(new int[] {1, -1}));
        return tf.squeeze(r, Squeeze.axis(List.of(0L)));
    }

    /** {@code n} equal blocks along {@code axis}. */
    static List<Operand<TFloat32>> split(Ops tf, Operand<TFloat32> x, int n, int axis) {
        if (n == 1) {
            return List.of(x);
        }
        return new ArrayList<>(tf.split(tf.constant(axis), x, (long) n).output());
    }

    /** The new output and states (LSTM: h, c; else h) from each gate's input side and the previous states. */
    static List<Operand<TFloat32>> step(Ops tf, Recurrent rnn, List<Operand<TFloat32>> xg,
                                        List<Operand<TFloat32>> states, Recurrence.Weights w, Dropout drop) {
        if (rnn instanceof LSTM lstm) {
            return lstm(tf, lstm, xg, states, w, drop);
        }
        if (rnn instanceof GRU gru) {
            return gru(tf, gru, xg, states.get(0), w, drop);
        }
        Operand<TFloat32> h = states.get(0);
        if (drop.recurrent() != null) {
            h = tf.math.mul(h, drop.recurrent().get(0));
        }
        Operand<TFloat32> out = act(tf, rnn.activation(), tf.math.add(xg.get(0), tf.linalg.matMul(h, w.recurrent())));
        return List.of(out);
    }

    private static List<Operand<TFloat32>> lstm(Ops tf, LSTM rnn, List<Operand<TFloat32>> xg,
                                                List<Operand<TFloat32>> states, Recurrence.Weights w, Dropout drop) {
        List<Operand<TFloat32>> hr = recurrentSides(tf, rnn, states.get(0), w.recurrent(), drop);
        Activation ra = rnn.recurrentActivation();
        Operand<TFloat32> i = act(tf, ra, tf.math.add(xg.get(0), hr.get(0)));
        Operand<TFloat32> f = act(tf, ra, tf.math.add(xg.get(1), hr.get(1)));
        Operand<TFloat32> c = tf.math.add(tf.math.mul(f, states.get(1)),
                tf.math.mul(i, act(tf, rnn.activation(), tf.math.add(xg.get(2), hr.get(2)))));
        Operand<TFloat32> o = act(tf, ra, tf.math.add(xg.get(3), hr.get(3)));
        Operand<TFloat32> h = tf.math.mul(o, act(tf, rnn.activation(), c));
        return List.of(h, c);
    }

    private static List<Operand<TFloat32>> gru(Ops tf, GRU rnn, List<Operand<TFloat32>> xg, Operand<TFloat32> h,
                                               Recurrence.Weights w, Dropout drop) {
        Activation ra = rnn.recurrentActivation();
        Operand<TFloat32> z;
        Operand<TFloat32> r;
        Operand<TFloat32> recurrentH;
        if (rnn.resetAfter()) {
            List<Operand<TFloat32>> hr = recurrentSides(tf, rnn, h, w.recurrent(), drop);
            if (w.bias() != null) {
                List<Operand<TFloat32>> rb = split(tf, row(tf, w.bias(), 1), 3, 0);
                for (int g = 0; g < 3; g++) {
                    hr.set(g, tf.math.add(hr.get(g), rb.get(g)));
                }
            }
            z = act(tf, ra, tf.math.add(xg.get(0), hr.get(0)));
            r = act(tf, ra, tf.math.add(xg.get(1), hr.get(1)));
            recurrentH = tf.math.mul(r, hr.get(2));
        } else {
            // Keras multiplies the reset gate into the previous state before the last block of the kernel.
            List<Operand<TFloat32>> blocks = split(tf, w.recurrent(), 3, 1);
            List<Operand<TFloat32>> hs = recurrentInputs(tf, h, 3, drop);
            z = act(tf, ra, tf.math.add(xg.get(0), tf.linalg.matMul(hs.get(0), blocks.get(0))));
            r = act(tf, ra, tf.math.add(xg.get(1), tf.linalg.matMul(hs.get(1), blocks.get(1))));
            recurrentH = tf.linalg.matMul(tf.math.mul(r, hs.get(2)), blocks.get(2));
        }
        Operand<TFloat32> hh = act(tf, rnn.activation(), tf.math.add(xg.get(2), recurrentH));
        Operand<TFloat32> out = tf.math.add(tf.math.mul(z, h), tf.math.mul(tf.math.sub(tf.constant(1f), z), hh));
        return List.of(out);
    }

    /** {@code h . recurrent_kernel} per gate: one product, or one per gate when each gate drops its own units. */
    private static List<Operand<TFloat32>> recurrentSides(Ops tf, Recurrent rnn, Operand<TFloat32> h,
                                                          Operand<TFloat32> recurrent, Dropout drop) {
        int gates = rnn.gates();
        if (drop.recurrent() == null) {
            return split(tf, tf.linalg.matMul(h, recurrent), gates, 1);
        }
        List<Operand<TFloat32>> blocks = split(tf, recurrent, gates, 1);
        List<Operand<TFloat32>> hs = recurrentInputs(tf, h, gates, drop);
        List<Operand<TFloat32>> out = new ArrayList<>(gates);
        for (int g = 0; g < gates; g++) {
            out.add(tf.linalg.matMul(hs.get(g), blocks.get(g)));
        }
        return out;
    }

    /** The previous output as each gate sees it: with its own recurrent dropout mask in training. */
    private static List<Operand<TFloat32>> recurrentInputs(Ops tf, Operand<TFloat32> h, int gates, Dropout drop) {
        List<Operand<TFloat32>> out = new ArrayList<>(gates);
        for (int g = 0; g < gates; g++) {
            out.add(drop.recurrent() == null ? h : tf.math.mul(h, drop.recurrent().get(g)));
        }
        return out;
    }

    static Operand<TFloat32> act(Ops tf, Activation a, Operand<TFloat32> x) {
        return Flow.activated(tf, a, x).value();
    }
}
