package dev.strata.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.json.ModelJson;
import dev.strata.spec.Activation;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.Layer;
import dev.strata.spec.LayerSummary;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.WeightSpec;
import dev.strata.spec.layers.Bidirectional;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Embedding;
import dev.strata.spec.layers.GRU;
import dev.strata.spec.layers.LSTM;
import dev.strata.spec.layers.BidirectionalMergeMode;
import dev.strata.spec.layers.Recurrent;
import dev.strata.spec.layers.SimpleRNN;
import dev.strata.spec.layers.TimeDistributed;
import dev.strata.train.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What the Keras fixtures cannot pin down: dropout and recurrent dropout (random, so not in the golden cases) use
 * one mask per sequence, the same at every step, and exist only in training; the extra outputs of
 * {@code return_state} and {@code merge_mode=None}, which a chain of layers cannot take; and the refusals.
 */
class RecurrentBehaviourTest {
    private static final int BATCH = 16;

    private static WeightSet.Entry entry(long[] shape, float[] values) {
        return new WeightSet.Entry(shape, values);
    }

    private static float[] identity(int n) {
        float[] m = new float[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = 1;
        }
        return m;
    }

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (r.nextGaussian() * 0.5);
        }
        return out;
    }

    /** A linear SimpleRNN with identity kernels and no bias: h_t = x_t * m + (h_{t-1} * r) . recurrent. */
    private static float[] simpleRnn(SimpleRNN rnn, float recurrentScale, float[] x, int steps, int units,
                                     TowerMode mode, boolean noise) {
        Sequential spec = Sequential.create().input(steps, units).add(rnn.name("r"));
        float[] recurrent = identity(units);
        for (int i = 0; i < recurrent.length; i++) {
            recurrent[i] *= recurrentScale;
        }
        Map<String, WeightSet.Entry> w = new LinkedHashMap<>();
        w.put("r/kernel", entry(new long[] {units, units}, identity(units)));
        w.put("r/recurrent_kernel", entry(new long[] {units, units}, recurrent));
        try (LayerProbe probe = new LayerProbe(spec, mode, noise)) {
            probe.setWeights(new WeightSet(w));
            return probe.output(x, new long[] {BATCH, steps, units});
        }
    }

    @Test
    void inputDropoutUsesOneMaskPerSequence() {
        int steps = 5;
        int units = 4;
        float[] row = {1, 2, 3, 4};
        float[] x = new float[BATCH * steps * units];
        for (int i = 0; i < x.length; i++) {
            x[i] = row[i % units];
        }
        SimpleRNN rnn = SimpleRNN.units(units).activation(Activation.LINEAR).useBias(false).dropout(0.5)
                .returnSequences(true).seed(7);
        float[] y = simpleRnn(rnn, 0, x, steps, units, TowerMode.TRAINING, true);
        int dropped = 0;
        for (int b = 0; b < BATCH; b++) {
            for (int u = 0; u < units; u++) {
                float first = y[(b * steps) * units + u];
                assertTrue(first == 0 || first == 2 * row[u], "kept values are scaled by 1 / (1 - rate): " + first);
                dropped += first == 0 ? 1 : 0;
                for (int t = 1; t < steps; t++) {
                    assertEquals(first, y[(b * steps + t) * units + u], "step " + t + " of sequence " + b);
                }
            }
        }
        assertTrue(dropped > 0 && dropped < BATCH * units, "dropped " + dropped);
        assertArrayEquals(x, simpleRnn(rnn, 0, x, steps, units, TowerMode.INFERENCE, false), "no dropout in inference");
        assertArrayEquals(x, simpleRnn(rnn, 0, x, steps, units, TowerMode.TRAINING, false), "training noise off");
    }

    @Test
    void recurrentDropoutUsesOneMaskPerSequence() {
        int steps = 4;
        int units = 3;
        float[] x = new float[BATCH * steps * units];
        java.util.Arrays.fill(x, 1f);
        SimpleRNN rnn = SimpleRNN.units(units).activation(Activation.LINEAR).useBias(false).recurrentDropout(0.5)
                .returnSequences(true).seed(3);
        float[] y = simpleRnn(rnn, 1, x, steps, units, TowerMode.TRAINING, true);
        float[] dropped = {1, 1, 1, 1};
        float[] kept = {1, 3, 7, 15}; // h_t = 1 + 2 h_{t-1} when the unit is kept at every step
        int keptCount = 0;
        for (int b = 0; b < BATCH; b++) {
            for (int u = 0; u < units; u++) {
                float[] seq = new float[steps];
                for (int t = 0; t < steps; t++) {
                    seq[t] = y[(b * steps + t) * units + u];
                }
                boolean isKept = java.util.Arrays.equals(seq, kept);
                assertTrue(isKept || java.util.Arrays.equals(seq, dropped), java.util.Arrays.toString(seq));
                keptCount += isKept ? 1 : 0;
            }
        }
        assertTrue(keptCount > 0 && keptCount < BATCH * units, "kept " + keptCount);
    }

    /** LSTM and GRU dropout (one input mask; with recurrent dropout, one mask per gate on each side). */
    @Test
    void lstmAndGruDropoutOnlyInTrainingAndDifferentiable() {
        for (Recurrent rnn : List.<Recurrent>of(LSTM.units(3).dropout(0.3), LSTM.units(3).dropout(0.3)
                .recurrentDropout(0.4), GRU.units(3).recurrentDropout(0.4), GRU.units(3).dropout(0.2)
                .recurrentDropout(0.2).resetAfter(false))) {
            Sequential spec = Sequential.create().input(4, 2).add(rnn.withName("r"));
            Sequential plain = Sequential.create().input(4, 2).add(rnn.withName("r") instanceof LSTM l
                    ? l.dropout(0).recurrentDropout(0) : ((GRU) rnn.withName("r")).dropout(0).recurrentDropout(0));
            Map<String, WeightSet.Entry> w = new LinkedHashMap<>();
            LayerSummary row = spec.summary().layers().get(0);
            int seed = 1;
            for (WeightSpec s : row.weights()) {
                long[] shape = java.util.Arrays.stream(s.shape()).asLongStream().toArray();
                w.put("r/" + s.name(), entry(shape, random((int) s.size(), seed++)));
            }
            WeightSet weights = new WeightSet(w);
            float[] x = random(BATCH * 8, 99);
            long[] shape = {BATCH, 4, 2};
            float[] inference;
            float[] reference;
            try (LayerProbe p = new LayerProbe(spec, TowerMode.INFERENCE, false);
                 LayerProbe q = new LayerProbe(plain, TowerMode.TRAINING, true)) {
                p.setWeights(weights);
                q.setWeights(weights);
                inference = p.output(x, shape);
                reference = q.output(x, shape);
            }
            assertArrayEquals(reference, inference, rnn + ": inference ignores dropout");
            try (LayerProbe t = new LayerProbe(spec, TowerMode.TRAINING, true)) {
                t.setWeights(weights);
                float[] a = t.output(x, shape);
                assertFalse(java.util.Arrays.equals(a, inference), rnn + ": training draws masks");
                assertArrayEquals(a, t.output(x, shape), rnn + ": the masks are a function of (seed, step)");
                Map<String, float[]> g = t.gradients(x, shape, random(BATCH * 3, 5));
                assertEquals(4, g.size(), rnn + ": gradients for the input and each weight");
            }
        }
    }

    // ---------------------------------------------------------------- several outputs, via the kernel itself

    private static List<float[]> callAll(Layer layer, TensorShape in, float[] x, Map<String, float[]> values) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            List<WeightSpec> specs = layer.weights(in);
            Map<String, ModelVariable> vars = new LinkedHashMap<>();
            for (WeightSpec s : specs) {
                long[] shape = java.util.Arrays.stream(s.shape()).asLongStream().toArray();
                Operand<TFloat32> c = tf.constant(Shape.of(shape), DataBuffers.of(values.get(s.name())));
                vars.put(layer.name() + "/" + s.name(), new ModelVariable(layer.name() + "/" + s.name(), layer.name(),
                        s, c, c));
            }
            long[] xShape = {2, in.dim(0), in.dim(1)};
            Operand<TFloat32> input = tf.constant(Shape.of(xShape), DataBuffers.of(x));
            LayerSummary row = new LayerSummary(0, layer, in, layer.outputShapes(List.of(in), "test").get(0), specs);
            LayerCall call = new LayerCall(tf, row, List.of(Flow.of(input)), vars, TowerMode.INFERENCE, false, 0,
                    null, new ArrayList<>());
            List<Operand<TFloat32>> outs = new ArrayList<>();
            for (Flow f : Kernels.forLayer(layer, "test").callAll(layer, call)) {
                outs.add(tf.identity(f.value())); // a GRU's state is its output tensor: fetch each once
            }
            try (Session s = new Session(g)) {
                Session.Runner r = s.runner();
                outs.forEach(r::fetch);
                try (Result res = r.run()) {
                    List<float[]> out = new ArrayList<>();
                    for (int i = 0; i < outs.size(); i++) {
                        TFloat32 t = (TFloat32) res.get(i);
                        float[] v = new float[(int) t.size()];
                        t.copyTo(DataBuffers.of(v, false, false));
                        out.add(v);
                    }
                    return out;
                }
            }
        }
    }

    private static Map<String, float[]> randomWeights(Layer layer, TensorShape in) {
        Map<String, float[]> out = new LinkedHashMap<>();
        long seed = 11;
        for (WeightSpec s : layer.weights(in)) {
            out.put(s.name(), random((int) s.size(), seed++));
        }
        return out;
    }

    @Test
    void returnStateGivesTheLastOutputAndEachState() {
        TensorShape in = TensorShape.of(3, 2);
        float[] x = random(12, 4);
        LSTM lstm = LSTM.units(2).returnSequences(true).returnState(true).name("l");
        assertEquals(List.of(TensorShape.of(3, 2), TensorShape.of(2), TensorShape.of(2)),
                lstm.outputShapes(List.of(in), "test"));
        Map<String, float[]> w = randomWeights(lstm, in);
        List<float[]> outs = callAll(lstm, in, x, w);
        assertEquals(3, outs.size());
        float[] seq = outs.get(0);
        for (int b = 0; b < 2; b++) {
            for (int u = 0; u < 2; u++) {
                assertEquals(seq[(b * 3 + 2) * 2 + u], outs.get(1)[b * 2 + u], "h is the last output");
            }
        }
        assertArrayEquals(seq, callAll(lstm.returnState(false), in, x, w).get(0));
        GRU gru = GRU.units(2).returnState(true).name("g");
        List<float[]> g = callAll(gru, in, x, randomWeights(gru, in));
        assertArrayEquals(g.get(0), g.get(1), "a GRU's state is its output");
    }

    @Test
    void mergeModeNoneGivesBothDirections() {
        TensorShape in = TensorShape.of(4, 2);
        float[] x = random(16, 8);
        Bidirectional none = Bidirectional.of(LSTM.units(3).returnSequences(true).returnState(true))
                .mergeMode(null).name("b");
        Map<String, float[]> w = randomWeights(none, in);
        List<float[]> outs = callAll(none, in, x, w);
        assertEquals(6, outs.size(), "forward, backward, then h and c of each direction");
        float[] sum = callAll(none.mergeMode(BidirectionalMergeMode.SUM), in, x, w).get(0);
        for (int i = 0; i < sum.length; i++) {
            assertEquals(outs.get(0)[i] + outs.get(1)[i], sum[i], 1e-6);
        }
    }

    // ---------------------------------------------------------------- specs, refusals

    @Test
    void fluentSpecsNameBothDirectionsAndRoundTrip() {
        Sequential spec = Sequential.create().input(6)
                .add(Embedding.of(20, 4).maskZero(true))
                .add(Bidirectional.of(GRU.units(3).returnSequences(true)))
                .add(TimeDistributed.of(Dense.units(2)))
                .add(LSTM.units(5));
        Bidirectional bi = (Bidirectional) spec.summary().layers().get(1).layer();
        assertEquals("forward_gru", bi.forward().name());
        assertEquals("backward_gru", bi.backward().name());
        assertTrue(bi.backward().goBackwards() && bi.forward().zeroOutputForMask());
        assertEquals(List.of("forward_kernel", "forward_recurrent_kernel", "forward_bias", "backward_kernel",
                "backward_recurrent_kernel", "backward_bias"), spec.summary().layers().get(1).weights().stream()
                .map(WeightSpec::name).toList());
        assertEquals(TensorShape.of(5), spec.summary().outputShape());
        for (dev.strata.json.Dialect d : dev.strata.json.Dialect.values()) {
            String json = ModelJson.write(spec, d);
            assertTrue(json.contains("\"backward_layer\""), d + ": both directions are written, as Keras 3 does");
        }
        try (Model m = Model.compile(spec, TrainingConfig.of(Optimizer.sgd(), Loss.meanSquaredError()))) {
            assertEquals(spec.summary().totalParams(), m.weights().entries().values().stream()
                    .mapToLong(e -> e.values().length).sum());
        }
    }

    @Test
    void refusesWhatItCannotBuild() {
        // Unknown lengths are built (padded to a bound: VariableLengthGoldenTest); the bound must be a length.
        IllegalArgumentException bound = assertThrows(IllegalArgumentException.class,
                () -> dev.strata.train.ModelOptions.defaults().maxSequenceLength(0));
        assertTrue(bound.getMessage().contains("maxSequenceLength must be >= 1"), bound.getMessage());
        InvalidSpecException state = assertThrows(InvalidSpecException.class, () -> Sequential.create().input(3, 2)
                .add(LSTM.units(2).returnState(true)).summary());
        assertTrue(state.getMessage().contains("return_state"), state.getMessage());
        assertThrows(InvalidSpecException.class, () -> Sequential.create().input(3, 2)
                .add(Bidirectional.of(LSTM.units(2)).mergeMode(null)).summary());
        assertThrows(InvalidSpecException.class, () -> Sequential.create().input(3, 2)
                .add(TimeDistributed.of(LSTM.units(2))).summary()); // one step is (2): no time axis for the LSTM
        InvalidSpecException perStepStats = assertThrows(InvalidSpecException.class, () -> Sequential.create()
                .input(3, 4, 2).add(TimeDistributed.of(dev.strata.spec.layers.BatchNormalization.create())).summary());
        assertTrue(perStepStats.getMessage().contains("once per time step"), perStepStats.getMessage());
        InvalidSpecException length = assertThrows(InvalidSpecException.class, () -> Sequential.create().input(3)
                .add(Embedding.of(5, 2).inputLength(4)).summary());
        assertTrue(length.getMessage().contains("input_length"), "Keras 2 checked it: " + length.getMessage());
        String lstm = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [{\"class_name\": "
                + "\"InputLayer\", \"config\": {\"batch_shape\": [null, 3, 2]}}, {\"class_name\": \"LSTM\", \"config\": "
                + "{\"name\": \"l\", \"units\": 2, \"recurrent_initializer\": \"glorot_uniform\", \"KEY\": true}}]}}";
        for (String key : List.of("stateful", "time_major")) {
            dev.strata.json.JsonSpecException j = assertThrows(dev.strata.json.JsonSpecException.class,
                    () -> ModelJson.read(lstm.replace("KEY", key)));
            assertEquals(key, j.feature());
        }
        assertEquals(2, ((LSTM) ModelJson.read(lstm.replace("KEY", "unroll")).spec().summary().layers().get(0)
                .layer()).units(), "unroll=True is what Strata does anyway");
    }
}
