package dev.strata.bench;

import dev.strata.spec.Activation;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Regularizer;
import dev.strata.spec.Regularizers;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.spec.layers.Dense;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.History;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The model every speed figure in BENCHMARKS.md is about: the MLP 784-512-512-10 (relu, logits, sparse categorical
 * crossentropy from logits, batch 128) with a choice of penalty and optimizer, built once in Strata and once by
 * hand ({@link HandWrittenMlp}) from the same initial weights.
 */
final class MlpBenchmark {
    static final int[] SIZES = {784, 512, 512, 10};
    static final int BATCH = 128;
    static final double FACTOR = 1e-4;

    /** The penalty kinds the suite compares, each with Keras 3's formula. */
    enum Penalty {
        NONE, L1, L2, L1L2;

        Regularizer spec() {
            return switch (this) {
                case NONE -> null;
                case L1 -> Regularizers.l1(FACTOR);
                case L2 -> Regularizers.l2(FACTOR);
                case L1L2 -> Regularizers.l1l2(FACTOR, FACTOR);
            };
        }

        /** The penalty as a user writes it in raw TensorFlow Java: factor times a sum over the weight. */
        Operand<TFloat32> handWritten(Ops tf, Operand<TFloat32> w) {
            Operand<TFloat32> l1 = tf.math.mul(tf.constant((float) FACTOR), sum(tf, tf.math.abs(w)));
            Operand<TFloat32> l2 = tf.math.mul(tf.constant((float) FACTOR), sum(tf, tf.math.square(w)));
            return switch (this) {
                case L1 -> l1;
                case L2 -> l2;
                case L1L2 -> tf.math.add(l1, l2);
                case NONE -> throw new IllegalStateException("no penalty");
            };
        }

        private static Operand<TFloat32> sum(Ops tf, Operand<TFloat32> x) {
            int rank = x.shape().numDimensions();
            int[] axes = new int[rank];
            for (int i = 0; i < rank; i++) {
                axes[i] = i;
            }
            return tf.reduceSum(x, tf.constant(axes));
        }
    }

    /**
     * One training configuration.
     *
     * @param everyWeight the penalty on every kernel and bias; otherwise on the two hidden kernels only
     */
    record Setup(Penalty penalty, boolean everyWeight, boolean adam, boolean fused) {
        double learningRate() {
            return adam ? 0.001 : 0.05;
        }

        String label() {
            String opt = !adam ? "SGD" : fused ? "Adam fused" : "Adam exact";
            String where = penalty == Penalty.NONE ? "no penalty"
                    : penalty + (everyWeight ? " on every kernel and bias" : " on hidden kernels");
            return opt + ", " + where;
        }

        Setup withoutPenalty() {
            return new Setup(Penalty.NONE, false, adam, fused);
        }

        Sequential spec() {
            Regularizer r = penalty.spec();
            Sequential s = Sequential.named("mlp").input(SIZES[0]);
            for (int l = 1; l < SIZES.length; l++) {
                boolean hidden = l < SIZES.length - 1;
                Dense d = Dense.units(SIZES[l]).activation(hidden ? Activation.RELU : Activation.LINEAR);
                if (r != null && (hidden || everyWeight)) {
                    d = d.kernelRegularizer(r);
                }
                if (r != null && everyWeight) {
                    d = d.biasRegularizer(r);
                }
                s = s.add(d);
            }
            return s;
        }

        Model compile(int threads) {
            TrainingConfig config = TrainingConfig.of(adam ? Optimizer.adam(learningRate())
                    : Optimizer.sgd(learningRate()), Loss.sparseCategoricalCrossentropy().fromLogits(true));
            return Model.compile(spec(), config, ModelOptions.defaults().threads(threads, 1).fusedAdam(fused));
        }
    }

    /** Synthetic inputs in [0, 1) and labels, the same for every system. */
    record Data(float[] x, int[] labels, int examples) {
        static Data synthetic(int examples) {
            SplittableRandom rng = new SplittableRandom(7);
            float[] x = new float[examples * SIZES[0]];
            int[] y = new int[examples];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble();
            }
            for (int i = 0; i < examples; i++) {
                y[i] = rng.nextInt(SIZES[SIZES.length - 1]);
            }
            return new Data(x, y, examples);
        }

        Dataset dataset() {
            float[] y = new float[labels.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels[i];
            }
            return Dataset.of(x, TensorShape.of(SIZES[0]), y, TensorShape.of());
        }
    }

    static final FitOptions ONE_EPOCH = FitOptions.epochs(1).batchSize(BATCH).shuffle(false).quiet();

    /** One epoch of Strata's fit; returns the epoch's mean loss. */
    static double epoch(Model model, Dataset data) {
        History h = model.fit(data, ONE_EPOCH);
        return h.last("loss");
    }

    private MlpBenchmark() {
    }
}
