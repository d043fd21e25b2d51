package dev.strata.samples;

import static dev.strata.spec.Activation.SIGMOID;
import static dev.strata.spec.Regularizers.l2;

import dev.strata.spec.Loss;
import dev.strata.spec.Metric;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Bidirectional;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Embedding;
import dev.strata.spec.layers.LSTM;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import java.util.SplittableRandom;

/**
 * A text classifier: Embedding (with {@code mask_zero}, so the padding is skipped) - Bidirectional(LSTM) - a
 * sigmoid Dense head, L2 on every kernel and on the LSTM's recurrent kernels. The task is generated here: token
 * sequences of varying length, padded with 0, labelled 1 when token {@value #FIRST} is immediately followed by
 * {@value #SECOND}. Half of the negatives hold the two tokens in the wrong order or apart, so counting tokens is not
 * enough (a bag of words reaches about 70%); the model must read the order. Run: {@code mvn -q compile exec:java
 * -Dexec.mainClass=dev.strata.samples.TextClassifier}.
 */
public final class TextClassifier {
    /** Token ids 1 .. VOCAB - 1; 0 is padding. */
    public static final int VOCAB = 20;
    public static final int STEPS = 10;
    public static final int FIRST = 3;
    public static final int SECOND = 7;

    private TextClassifier() {
    }

    public static Sequential spec(boolean maskZero) {
        LSTM lstm = LSTM.units(12).kernelRegularizer(l2(1e-4)).recurrentRegularizer(l2(1e-4));
        return Sequential.named("text_classifier").input(STEPS)
                .add(Embedding.of(VOCAB, 12).maskZero(maskZero).name("tokens"))
                .add(Bidirectional.of(lstm).name("bilstm"))
                .add(Dense.units(1).activation(SIGMOID).kernelRegularizer(l2(1e-4)).name("pattern"));
    }

    public static TrainingConfig config() {
        return TrainingConfig.of(Optimizer.adam(0.01), Loss.binaryCrossentropy(), Metric.ACCURACY);
    }

    /** {@code n} labelled sequences, half positive, the same for the same seed. */
    public static Dataset data(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * STEPS];
        float[] y = new float[n];
        int[] seq = new int[STEPS];
        for (int i = 0; i < n; i++) {
            int length = STEPS / 2 + rng.nextInt(STEPS / 2 + 1);
            for (int t = 0; t < STEPS; t++) {
                seq[t] = t < length ? 1 + rng.nextInt(VOCAB - 1) : 0;
            }
            boolean positive = i % 2 == 0;
            int at = rng.nextInt(length - 1);
            if (positive) {
                seq[at] = FIRST;
                seq[at + 1] = SECOND;
            } else {
                switch (rng.nextInt(4)) {
                    case 0 -> { // the reversed pair: same tokens, wrong order
                        seq[at] = SECOND;
                        seq[at + 1] = FIRST;
                    }
                    case 1 -> { // both tokens, not adjacent
                        seq[0] = FIRST;
                        seq[length - 1] = SECOND;
                    }
                    default -> {
                    }
                }
                breakAccidentalPairs(seq, length, rng);
            }
            for (int t = 0; t < STEPS; t++) {
                x[i * STEPS + t] = seq[t];
            }
            y[i] = positive ? 1 : 0;
        }
        return Dataset.of(x, TensorShape.of(STEPS), y, TensorShape.of(1));
    }

    /** Random tokens can form the pattern by chance; a negative must not hold it. */
    private static void breakAccidentalPairs(int[] seq, int length, SplittableRandom rng) {
        for (int t = 0; t + 1 < length; t++) {
            while (seq[t] == FIRST && seq[t + 1] == SECOND) {
                seq[t + 1] = 1 + rng.nextInt(VOCAB - 1);
            }
        }
    }

    public static void main(String[] args) {
        Dataset train = data(800, 1);
        Dataset validation = data(400, 2);
        try (Model model = Model.compile(spec(true), config())) {
            System.out.println(model.summary());
            History history = model.fit(train, FitOptions.epochs(12).batchSize(32).validationData(validation));
            System.out.println(model.evaluate(validation));
            System.out.println("regularization terms: " + model.losses());
            System.out.println("val_accuracy " + history.last("val_accuracy") + " (chance 0.5)");
        }
    }
}
