package dev.strata.train;

import static dev.strata.spec.Activation.SIGMOID;
import static dev.strata.spec.Activation.TANH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.ModelVariable;
import dev.strata.graph.WeightSet;
import dev.strata.spec.Functional;
import dev.strata.spec.Input;
import dev.strata.spec.KerasTensor;
import dev.strata.spec.Loss;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Add;
import dev.strata.spec.layers.Bidirectional;
import dev.strata.spec.layers.Concatenate;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Embedding;
import dev.strata.spec.layers.GRU;
import dev.strata.spec.layers.LSTM;
import dev.strata.spec.layers.SimpleRNN;
import dev.strata.spec.layers.TimeDistributed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model shape the functional API can express builds, compiles and trains: branches and merges, a shared
 * layer, models nested both ways, several inputs and outputs with loss weights, and sequence models (masked
 * Embedding into LSTM, per-step heads, Bidirectional, initial states from other layers, state outputs feeding
 * layers). One full-batch Adam step must move every trainable variable (Adam moves a weight only where its
 * gradient is nonzero, so a variable left behind is one the gradient does not reach), and 40 epochs must cut
 * the loss at least five-fold. Values are checked against Keras elsewhere; this proves each wiring trains.
 * The shared layer's two gradient paths are checked apart in {@link SharedLayerGradientTest}.
 */
class EveryModelShapeTrainsTest {
    private static final int N = 64;

    /**
     * A shape: its spec, its losses, and its data: inputs of the model's input shapes (token ids 0 .. vocab - 1
     * for the first input when {@code vocab > 0}, 0 being masked padding, else uniform in [-1, 1]) and targets
     * computed from each example.
     */
    record Shape(ModelSpec spec, TrainingConfig config, int vocab, Function<List<float[]>, List<float[]>> target,
                 List<String> weights) {
    }

    static Stream<Arguments> shapes() {
        List<Arguments> all = new ArrayList<>();
        Optimizer adam = Optimizer.adam(0.01);
        TrainingConfig mse = TrainingConfig.of(adam, Loss.meanSquaredError());

        KerasTensor x = Input.named("x", 6);
        KerasTensor a = Dense.units(8).activation(TANH).name("branch_a").apply(x);
        KerasTensor b = Dense.units(8).activation(TANH).name("branch_b").apply(x);
        KerasTensor joined = Concatenate.create().name("join").apply(Add.create().name("sum").apply(a, b), x);
        all.add(Arguments.of("branch and merge: Add, then Concatenate with the input", new Shape(
                Functional.of("dag", x, Dense.units(2).name("out").apply(joined)), mse, 0,
                ex -> List.of(teacher(ex.get(0), 2)), List.of("branch_a/kernel", "branch_b/kernel", "out/kernel"))));

        KerasTensor left = Input.named("left", 4);
        KerasTensor right = Input.named("right", 4);
        Dense shared = Dense.units(6).activation(TANH).name("shared");
        KerasTensor both = Concatenate.create().apply(shared.apply(left), shared.apply(right));
        all.add(Arguments.of("a layer shared by two calls", new Shape(Functional.of("siamese", List.of(left, right),
                List.of(Dense.units(1).name("out").apply(both))), mse, 0,
                ex -> List.of(new float[] {teacher(ex.get(0), 1)[0] - teacher(ex.get(1), 1)[0]}),
                List.of("shared/kernel", "shared/bias", "out/kernel"))));

        Sequential encoder = Sequential.named("encoder").input(6).add(Dense.units(8).activation(TANH).name("hidden"))
                .add(Dense.units(4).activation(TANH).name("code"));
        KerasTensor features = Input.named("features", 6);
        all.add(Arguments.of("a Sequential inside a Functional", new Shape(Functional.of("outer", features,
                Dense.units(2).name("out").apply(encoder.apply(features))), mse, 0,
                ex -> List.of(teacher(ex.get(0), 2)), List.of("encoder/hidden/kernel", "encoder/code/kernel"))));

        KerasTensor in = Input.shape(6);
        KerasTensor sum = Add.create().apply(Dense.units(8).activation(TANH).name("path_a").apply(in),
                Dense.units(8).activation(TANH).name("path_b").apply(in));
        Functional block = Functional.of("block", in, sum);
        all.add(Arguments.of("a Functional inside a Sequential", new Shape(Sequential.named("chain").input(6)
                .add(block.asLayer()).add(Dense.units(2).name("out")), mse, 0,
                ex -> List.of(teacher(ex.get(0), 2)), List.of("block/path_a/kernel", "block/path_b/kernel"))));

        KerasTensor signal = Input.named("signal", 5);
        KerasTensor gain = Input.named("gain", 3);
        KerasTensor trunk = Dense.units(8).activation(TANH).name("trunk").apply(Concatenate.create().apply(signal,
                gain));
        KerasTensor level = Dense.units(2).name("level").apply(Concatenate.create().apply(trunk, gain));
        KerasTensor sign = Dense.units(1).activation(SIGMOID).name("sign").apply(trunk);
        all.add(Arguments.of("two inputs, two outputs, loss weights", new Shape(Functional.of("two_by_two",
                List.of(signal, gain), List.of(level, sign)), TrainingConfig.of(adam)
                .loss("level", Loss.meanSquaredError()).lossWeight("level", 0.5)
                .loss("sign", Loss.binaryCrossentropy()).lossWeight("sign", 2.0), 0,
                ex -> List.of(teacher(ex.get(1), 2), new float[] {ex.get(0)[0] + ex.get(1)[0] > 0 ? 1 : 0}),
                List.of("trunk/kernel", "level/kernel", "sign/kernel"))));

        KerasTensor ids = Input.named("ids", 6);
        KerasTensor read = LSTM.units(8).name("lstm").apply(Embedding.of(10, 5).maskZero(true).name("embed")
                .apply(ids));
        all.add(Arguments.of("Embedding (mask_zero) into LSTM", new Shape(Functional.of("reader", ids,
                Dense.units(1).activation(SIGMOID).name("out").apply(read)), TrainingConfig.of(adam,
                Loss.binaryCrossentropy()), 10, ex -> List.of(new float[] {count(ex.get(0), 5) >= 3 ? 1 : 0}),
                List.of("embed/embeddings", "lstm/kernel", "lstm/recurrent_kernel"))));

        KerasTensor steps = Input.named("steps", 6, 3);
        KerasTensor perStep = TimeDistributed.of(Dense.units(2).name("step_out")).name("per_step")
                .apply(GRU.units(8).returnSequences(true).name("gru").apply(steps));
        all.add(Arguments.of("GRU return_sequences into TimeDistributed(Dense)", new Shape(Functional.of("tagger",
                steps, perStep), mse, 0, ex -> List.of(runningMeanAndLag(ex.get(0), 6)),
                List.of("gru/kernel", "gru/recurrent_kernel", "per_step/kernel"))));

        KerasTensor seq = Input.named("seq", 6, 3);
        KerasTensor both2 = Bidirectional.of(SimpleRNN.units(6)).name("bi").apply(seq);
        all.add(Arguments.of("Bidirectional(SimpleRNN)", new Shape(Functional.of("bi_rnn", seq,
                Dense.units(1).name("out").apply(both2)), mse, 0,
                ex -> List.of(new float[] {ex.get(0)[0] - ex.get(0)[15]}),
                List.of("bi/forward_kernel", "bi/backward_kernel", "bi/backward_recurrent_kernel"))));

        KerasTensor tokens = Input.named("tokens", 5, 3);
        KerasTensor context = Input.named("context", 4);
        KerasTensor h0 = Dense.units(6).activation(TANH).name("init_h").apply(context);
        KerasTensor c0 = Dense.units(6).name("init_c").apply(context);
        KerasTensor started = LSTM.units(6).name("lstm").apply(tokens, h0, c0);
        all.add(Arguments.of("LSTM with initial_state from Dense layers", new Shape(Functional.of("conditioned",
                List.of(tokens, context), List.of(Dense.units(1).name("out").apply(started))), mse, 0,
                ex -> List.of(new float[] {mean(ex.get(0), 3, 0) + ex.get(1)[0] * ex.get(1)[1]}),
                List.of("init_h/kernel", "init_c/kernel", "lstm/kernel"))));

        KerasTensor source = Input.named("source", 5, 3);
        KerasTensor prompt = Input.named("prompt", 4, 2);
        List<KerasTensor> encoded = LSTM.units(6).returnState(true).name("encoder").applyAll(source);
        KerasTensor decoded = LSTM.units(6).returnSequences(true).name("decoder")
                .apply(prompt, encoded.get(1), encoded.get(2));
        KerasTensor stepsOut = TimeDistributed.of(Dense.units(1)).name("decoded").apply(decoded);
        KerasTensor fromStates = Dense.units(1).name("from_states").apply(Concatenate.create()
                .apply(encoded.get(1), encoded.get(2)));
        all.add(Arguments.of("LSTM return_state: states into a decoder LSTM and a Dense", new Shape(
                Functional.of("seq2seq", List.of(source, prompt), List.of(stepsOut, fromStates)),
                TrainingConfig.of(adam).loss("decoded", Loss.meanSquaredError())
                        .loss("from_states", Loss.meanSquaredError()), 0,
                ex -> List.of(decoderTargets(ex.get(0), ex.get(1)), new float[] {mean(ex.get(0), 3, 1)}),
                List.of("encoder/kernel", "encoder/recurrent_kernel", "decoder/kernel", "from_states/kernel"))));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void buildsCompilesAndTrains(String name, Shape shape) {
        Dataset data = data(shape, 7);
        try (Model m = Model.compile(shape.spec, shape.config, ModelOptions.defaults().seed(5))) {
            List<ModelVariable> trainable = m.trainingGraph().variables().stream().filter(v -> v.spec().trainable())
                    .toList();
            long params = trainable.stream().mapToLong(v -> m.weights().values(v.name()).length).sum();
            assertEquals(shape.spec.summary().trainableParams(), params, name + ": the graph holds every weight");
            List<String> names = trainable.stream().map(ModelVariable::name).toList();
            assertTrue(names.containsAll(shape.weights), name + ": " + shape.weights + " among " + names);

            WeightSet before = m.weights();
            Evaluation start = m.evaluate(data);
            m.fit(data, FitOptions.epochs(1).batchSize(N).shuffle(false).quiet());
            WeightSet stepped = m.weights();
            List<String> still = names.stream()
                    .filter(v -> Arrays.equals(before.values(v), stepped.values(v))).toList();
            assertEquals(List.of(), still, name + ": no gradient reached these variables");

            History h = m.fit(data, FitOptions.epochs(40).batchSize(16).quiet());
            Evaluation end = m.evaluate(data);
            assertTrue(Arrays.stream(h.get("loss")).allMatch(Double::isFinite), name + ": " + h);
            // 160 Adam steps on 64 examples take every shape's loss below 3% of where it started; a fifth leaves
            // room for platform noise while still failing a model that learns nothing or only a constant.
            assertTrue(end.loss() < 0.2 * start.loss(), name + ": loss " + start.loss() + " -> " + end.loss());
            if (name.contains("loss weights")) {
                // The objective is the weighted sum of the outputs' losses.
                assertEquals(0.5 * end.get("level_loss") + 2.0 * end.get("sign_loss"), end.dataLoss(), 1e-5);
            }
        }
    }

    private static Dataset data(Shape shape, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<TensorShape> inShapes = shape.spec.summary().inputs().stream().map(i -> i.shape()).toList();
        List<TensorShape> outShapes = shape.spec.summary().outputShapes();
        List<float[]> xs = new ArrayList<>();
        List<float[]> ys = new ArrayList<>();
        inShapes.forEach(s -> xs.add(new float[N * (int) s.size()]));
        outShapes.forEach(s -> ys.add(new float[N * (int) s.size()]));
        for (int i = 0; i < N; i++) {
            List<float[]> example = new ArrayList<>();
            for (int k = 0; k < inShapes.size(); k++) {
                float[] v = new float[(int) inShapes.get(k).size()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = k == 0 && shape.vocab > 0 ? rng.nextInt(shape.vocab)
                            : (float) rng.nextDouble(-1, 1);
                }
                System.arraycopy(v, 0, xs.get(k), i * v.length, v.length);
                example.add(v);
            }
            List<float[]> targets = shape.target.apply(example);
            for (int k = 0; k < outShapes.size(); k++) {
                int width = (int) outShapes.get(k).size();
                assertEquals(width, targets.get(k).length, "target " + k);
                System.arraycopy(targets.get(k), 0, ys.get(k), i * width, width);
            }
        }
        return Dataset.of(xs, inShapes, ys, outShapes);
    }

    /** A smooth function of every input: {@code sin} of fixed projections. */
    static float[] teacher(float[] x, int outputs) {
        float[] y = new float[outputs];
        for (int k = 0; k < outputs; k++) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += Math.cos(1.7 * i + 2.3 * k) * x[i];
            }
            y[k] = (float) Math.sin(s);
        }
        return y;
    }

    /** How many ids are in 1 .. below - 1: the padding id 0 is masked, so it must not count. */
    private static int count(float[] ids, int below) {
        int n = 0;
        for (float id : ids) {
            n += id > 0 && id < below ? 1 : 0;
        }
        return n;
    }

    /** The mean over steps of one feature of a (steps, width) example. */
    private static float mean(float[] seq, int width, int feature) {
        double s = 0;
        for (int t = 0; t < seq.length / width; t++) {
            s += seq[t * width + feature];
        }
        return (float) (s / (seq.length / width));
    }

    /** Per step of a (steps, 3) sequence: the running mean of feature 0, and feature 1 of the step before. */
    private static float[] runningMeanAndLag(float[] seq, int steps) {
        float[] y = new float[steps * 2];
        double s = 0;
        for (int t = 0; t < steps; t++) {
            s += seq[t * 3];
            y[t * 2] = (float) (s / (t + 1));
            y[t * 2 + 1] = t == 0 ? 0 : seq[(t - 1) * 3 + 1];
        }
        return y;
    }

    /** Per prompt step: the prompt's feature 0 plus the source's mean of feature 0 (carried only by the states). */
    private static float[] decoderTargets(float[] source, float[] prompt) {
        float[] y = new float[prompt.length / 2];
        float m = mean(source, 3, 0);
        for (int t = 0; t < y.length; t++) {
            y[t] = prompt[t * 2] + m;
        }
        return y;
    }
}
