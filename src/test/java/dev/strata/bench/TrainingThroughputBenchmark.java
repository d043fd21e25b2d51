package dev.strata.bench;

import dev.strata.spec.Activation;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.Loss;
import dev.strata.spec.Optimizer;
import dev.strata.spec.Sequential;
import dev.strata.spec.TensorShape;
import dev.strata.spec.TrainingConfig;
import dev.strata.train.Dataset;
import dev.strata.train.FitOptions;
import dev.strata.train.Model;
import dev.strata.train.ModelOptions;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Training throughput of Strata against a hand-written TensorFlow Java graph of the same MLP
 * (784-512-512-10, relu, softmax crossentropy, SGD, batch 128), measured alternately in one run so machine
 * noise hits both; prints examples/s of each and their ratio. Not a test: run it with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.strata.bench.TrainingThroughputBenchmark
 * -Dexec.args="EXAMPLES ROUNDS sgd|adam|adam-fused"}.
 */
public final class TrainingThroughputBenchmark {
    private static final int FEATURES = 784;
    private static final int CLASSES = 10;
    private static final int BATCH = 128;

    public static void main(String[] args) {
        int examples = args.length > 0 ? Integer.parseInt(args[0]) : 12_800;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean adam = args.length > 2 && args[2].startsWith("adam");
        boolean fused = args.length > 2 && args[2].equals("adam-fused");
        int threads = Runtime.getRuntime().availableProcessors();
        float[] x = new float[examples * FEATURES];
        float[] y = new float[examples * CLASSES];
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        for (int i = 0; i < examples; i++) {
            y[i * CLASSES + rng.nextInt(CLASSES)] = 1f;
        }
        Sequential spec = Sequential.named("mlp").input(FEATURES)
                .add(Dense.units(512).activation(Activation.RELU))
                .add(Dense.units(512).activation(Activation.RELU))
                .add(Dense.units(CLASSES).activation(Activation.SOFTMAX));
        TrainingConfig config = TrainingConfig.of(adam ? Optimizer.adam(0.001) : Optimizer.sgd(0.01),
                Loss.categoricalCrossentropy());
        Dataset data = Dataset.of(x, TensorShape.of(FEATURES), y, TensorShape.of(CLASSES));
        try (Model strata = Model.compile(spec, config, ModelOptions.defaults().threads(threads, 1).fusedAdam(fused));
             HandWritten baseline = new HandWritten(threads, adam)) {
            System.out.println("optimizer: " + (!adam ? "SGD (both: fused ResourceApplyGradientDescent)"
                    : fused ? "Adam (both: fused ResourceApplyAdam)"
                    : "Adam (Strata: Keras 3 update written out; hand-written: fused ResourceApplyAdam)"));
            FitOptions oneEpoch = FitOptions.epochs(1).batchSize(BATCH).shuffle(false).quiet();
            strata.fit(data, oneEpoch);
            baseline.epoch(x, y, examples);
            double sumStrata = 0;
            double sumBaseline = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                baseline.epoch(x, y, examples);
                long t1 = System.nanoTime();
                strata.fit(data, oneEpoch);
                long t2 = System.nanoTime();
                double b = examples / ((t1 - t0) / 1e9);
                double s = examples / ((t2 - t1) / 1e9);
                sumBaseline += b;
                sumStrata += s;
                System.out.printf(Locale.ROOT, "round %d: hand-written %.0f ex/s, Strata %.0f ex/s, ratio %.3f%n",
                        r + 1, b, s, s / b);
            }
            System.out.printf(Locale.ROOT, "mean: hand-written %.0f ex/s, Strata %.0f ex/s, Strata/hand-written %.3f%n",
                    sumBaseline / rounds, sumStrata / rounds, sumStrata / sumBaseline);
        }
    }

    /** The same MLP written directly against TensorFlow Java: resource variables, gradient descent. */
    static final class HandWritten implements AutoCloseable {
        private final Graph graph = new Graph();
        private final Session session;
        private final Placeholder<TFloat32> input;
        private final Placeholder<TFloat32> target;
        private final Op step;
        private final Operand<TFloat32> loss;

        HandWritten(int threads, boolean adam) {
            Ops tf = Ops.create(graph);
            input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, FEATURES)));
            target = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, CLASSES)));
            int[] sizes = {FEATURES, 512, 512, CLASSES};
            Operand<?>[] handles = new Operand<?>[6];
            Output<?>[] reads = new Output<?>[6];
            Operand<TFloat32> h = input;
            SplittableRandom rng = new SplittableRandom(3);
            java.util.List<Op> inits = new java.util.ArrayList<>();
            for (int l = 0; l < 3; l++) {
                float limit = (float) Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
                float[] w = new float[sizes[l] * sizes[l + 1]];
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) ((rng.nextDouble() * 2 - 1) * limit);
                }
                handles[2 * l] = tf.varHandleOp(TFloat32.class, Shape.of(sizes[l], sizes[l + 1]),
                        VarHandleOp.sharedName("w" + l));
                handles[2 * l + 1] = tf.varHandleOp(TFloat32.class, Shape.of(sizes[l + 1]), VarHandleOp.sharedName("b" + l));
                inits.add(tf.assignVariableOp(handles[2 * l], tf.constant(Shape.of(sizes[l], sizes[l + 1]),
                        DataBuffers.of(w, true, false))));
                inits.add(tf.assignVariableOp(handles[2 * l + 1], tf.zeros(tf.constant(new int[] {sizes[l + 1]}), TFloat32.class)));
                Operand<TFloat32> wr = tf.readVariableOp(handles[2 * l], TFloat32.class);
                Operand<TFloat32> br = tf.readVariableOp(handles[2 * l + 1], TFloat32.class);
                reads[2 * l] = wr.asOutput();
                reads[2 * l + 1] = br.asOutput();
                h = tf.nn.biasAdd(tf.linalg.matMul(h, wr), br);
                if (l < 2) {
                    h = tf.nn.relu(h);
                }
            }
            loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(h, target).loss(), tf.constant(0));
            Output<?>[] grads = graph.addGradients(loss.asOutput(), reads);
            Ops after = tf.withControlDependencies(List.of(grads));
            java.util.List<Op> applies = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                @SuppressWarnings("unchecked")
                Operand<TFloat32> g = (Operand<TFloat32>) grads[i];
                if (adam) {
                    Operand<?> m = tf.varHandleOp(TFloat32.class, Shape.of(sizesOf(i, sizes)), VarHandleOp.sharedName("m" + i));
                    Operand<?> v = tf.varHandleOp(TFloat32.class, Shape.of(sizesOf(i, sizes)), VarHandleOp.sharedName("v" + i));
                    inits.add(tf.assignVariableOp(m, tf.zeros(tf.constant(toInt(sizesOf(i, sizes))), TFloat32.class)));
                    inits.add(tf.assignVariableOp(v, tf.zeros(tf.constant(toInt(sizesOf(i, sizes))), TFloat32.class)));
                    applies.add(after.train.resourceApplyAdam(handles[i], m, v, tf.constant(0.9f), tf.constant(0.999f),
                            tf.constant(0.001f), tf.constant(0.9f), tf.constant(0.999f), tf.constant(1e-7f), g));
                } else {
                    applies.add(after.train.resourceApplyGradientDescent(handles[i], tf.constant(0.01f), g));
                }
            }
            step = tf.withControlDependencies(applies).noOp();
            session = new Session(graph, ConfigProto.newBuilder().setIntraOpParallelismThreads(threads)
                    .setInterOpParallelismThreads(1).build());
            Session.Runner init = session.runner();
            inits.forEach(init::addTarget);
            init.run().close();
        }

        private static long[] sizesOf(int i, int[] sizes) {
            int l = i / 2;
            return i % 2 == 0 ? new long[] {sizes[l], sizes[l + 1]} : new long[] {sizes[l + 1]};
        }

        private static int[] toInt(long[] dims) {
            int[] out = new int[dims.length];
            for (int i = 0; i < dims.length; i++) {
                out[i] = (int) dims[i];
            }
            return out;
        }

        void epoch(float[] x, float[] y, int examples) {
            for (int from = 0; from + BATCH <= examples; from += BATCH) {
                try (TFloat32 xb = TFloat32.tensorOf(Shape.of(BATCH, FEATURES),
                        DataBuffers.of(x, true, false).slice((long) from * FEATURES, (long) BATCH * FEATURES));
                     TFloat32 yb = TFloat32.tensorOf(Shape.of(BATCH, CLASSES),
                             DataBuffers.of(y, true, false).slice((long) from * CLASSES, (long) BATCH * CLASSES))) {
                    session.runner().feed(input, xb).feed(target, yb).addTarget(step).fetch(loss).run().close();
                }
            }
        }

        @Override
        public void close() {
            session.close();
            graph.close();
        }
    }
}
