package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.samples.TextClassifier;
import dev.strata.spec.Activation;
import dev.strata.spec.Sequential;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Embedding;
import dev.strata.spec.layers.GlobalAveragePooling1D;
import dev.strata.train.Dataset;
import dev.strata.train.Evaluation;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.RegularizationValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dsl-samples text classifier (Embedding with mask_zero - Bidirectional(LSTM) - Dense) learns its generated
 * task: which token follows which. A bag-of-words model given the same data and budget cannot, so the accuracy
 * the recurrent model reaches comes from reading the order, and the task is not solved by counting tokens.
 */
class TextClassifierSampleTest {
    private static final Dataset TRAIN = TextClassifier.data(600, 11);
    private static final Dataset VALIDATION = TextClassifier.data(300, 12);
    private static final int EPOCHS = 6;

    @Test
    void theDataIsBalancedAndPadded() {
        double positives = 0;
        int padded = 0;
        for (int i = 0; i < TRAIN.size(); i++) {
            positives += TRAIN.target(i)[0];
            float[] row = TRAIN.input(i);
            padded += row[row.length - 1] == 0 ? 1 : 0;
            assertEquals(TRAIN.target(i)[0] == 1, holdsPattern(row), "label of row " + i);
        }
        assertEquals(0.5, positives / TRAIN.size(), 1e-9);
        assertTrue(padded > TRAIN.size() / 4, "rows padded with 0: " + padded);
    }

    @Test
    void theBidirectionalLstmLearnsTheOrderAndEveryKernelIsPenalized() {
        try (Model m = Model.compile(TextClassifier.spec(true), TextClassifier.config())) {
            Evaluation before = m.evaluate(VALIDATION);
            History h = m.fit(TRAIN, FitOptions.epochs(EPOCHS).batchSize(32).validationData(VALIDATION).quiet());
            double[] loss = h.get("loss");
            // Chance-level crossentropy is ln 2 = 0.69; learning the pattern takes it below a third of that.
            assertTrue(loss[loss.length - 1] < 0.3 * loss[0], "loss " + Arrays.toString(loss));
            assertTrue(h.last("val_loss") < 0.3 * before.loss(), "val_loss " + before.loss() + " -> "
                    + h.last("val_loss"));
            assertTrue(h.last("val_accuracy") > 0.95, "val_accuracy " + h.last("val_accuracy") + ", chance 0.5");
            // With mask_zero both directions skip the padding, so moving it from a row's end to its start changes
            // no prediction.
            assertEquals(0, paddingMovedDifference(m), 1e-5, "predictions change when the padding moves");

            Evaluation after = m.evaluate(VALIDATION);
            assertTrue(after.regularizationLoss() > 0, after.toString());
            Map<String, Double> terms = m.losses().stream()
                    .collect(Collectors.toMap(RegularizationValue::name, RegularizationValue::value));
            // Bidirectional names its two directions' slots forward_ and backward_; recurrent_regularizer is the
            // Keras slot of the recurrent_kernel penalty.
            for (String name : List.of("bilstm/forward_kernel_regularizer", "bilstm/forward_recurrent_regularizer",
                    "bilstm/backward_kernel_regularizer", "bilstm/backward_recurrent_regularizer",
                    "pattern/kernel_regularizer")) {
                assertTrue(terms.getOrDefault(name, 0.0) > 0, name + " in " + terms);
            }
            assertEquals(5, terms.size(), terms.toString());
            double sum = terms.values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(after.regularizationLoss(), sum, 1e-6, "the terms make up regularization_loss");
        }
    }

    /** Without mask_zero the zeros are read as a token: the task is learned too, but the padding shows. */
    @Test
    void withoutTheMaskThePaddingIsRead() {
        try (Model m = Model.compile(TextClassifier.spec(false), TextClassifier.config())) {
            History h = m.fit(TRAIN, FitOptions.epochs(EPOCHS).batchSize(32).quiet());
            assertTrue(m.evaluate(VALIDATION).get("accuracy") > 0.9, h.toString());
            double largest = paddingMovedDifference(m);
            assertTrue(largest > 1e-2, "the largest change of a prediction is " + largest);
        }
    }

    @Test
    void aBagOfWordsModelCannotReachIt() {
        Sequential bag = Sequential.named("bag_of_words").input(TextClassifier.STEPS)
                .add(Embedding.of(TextClassifier.VOCAB, 12))
                .add(GlobalAveragePooling1D.create())
                .add(Dense.units(16).activation(Activation.RELU))
                .add(Dense.units(1).activation(Activation.SIGMOID));
        try (Model m = Model.compile(bag, TextClassifier.config())) {
            History h = m.fit(TRAIN, FitOptions.epochs(EPOCHS).batchSize(32).validationData(VALIDATION).quiet());
            // Token counts tell a positive from the negatives that lack one of the two tokens, no more: about 70%
            // (every positive holds both tokens, and about 57% of the negatives do too).
            double best = Arrays.stream(h.get("val_accuracy")).max().orElseThrow();
            assertTrue(best < 0.8, "best val_accuracy " + best + ": " + h);
            assertTrue(best > 0.6, "it learns the counts: best val_accuracy " + best);
        }
    }

    private static float[] padLeft(float[] row) {
        int length = 0;
        while (length < row.length && row[length] != 0) {
            length++;
        }
        float[] shifted = new float[row.length];
        System.arraycopy(row, 0, shifted, row.length - length, length);
        return shifted;
    }

    /** The largest change of a validation prediction when the row's padding moves from its end to its start. */
    private static double paddingMovedDifference(Model m) {
        float[][] rows = new float[VALIDATION.size()][];
        float[][] leftPadded = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = VALIDATION.input(i);
            leftPadded[i] = padLeft(rows[i]);
        }
        float[][] a = m.predict(rows);
        float[][] b = m.predict(leftPadded);
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i][0] - b[i][0]));
        }
        return largest;
    }

    private static boolean holdsPattern(float[] row) {
        for (int t = 0; t + 1 < row.length; t++) {
            if (row[t] == TextClassifier.FIRST && row[t + 1] == TextClassifier.SECOND) {
                return true;
            }
        }
        return false;
    }
}
