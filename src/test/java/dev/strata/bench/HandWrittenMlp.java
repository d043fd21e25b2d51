package dev.strata.bench;

import dev.strata.graph.WeightSet;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The benchmark MLP written directly against TensorFlow Java, the way a user without Strata writes it: resource
 * variables, the penalty added to the loss and differentiated by {@code Graph.addGradients}, TensorFlow's fused
 * {@code ResourceApplyGradientDescent} or {@code ResourceApplyAdam}. It starts from the Strata model's initial
 * weights, so both train the same trajectory and the suite can print how far their losses drift apart.
 */
final class HandWrittenMlp implements AutoCloseable {
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TInt32> labels;
    private final Op step;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> logits;

    HandWrittenMlp(MlpBenchmark.Setup setup, WeightSet initial, int threads) {
        int[] sizes = MlpBenchmark.SIZES;
        Ops tf = Ops.create(graph);
        input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, sizes[0])));
        labels = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        int layers = sizes.length - 1;
        Operand<?>[] handles = new Operand<?>[2 * layers];
        Output<?>[] reads = new Output<?>[2 * layers];
        List<Op> inits = new ArrayList<>();
        Operand<TFloat32> h = input;
        Operand<TFloat32> penalty = null;
        for (int l = 0; l < layers; l++) {
            String layer = l == 0 ? "dense" : "dense_" + l;
            for (int k = 0; k < 2; k++) {
                String name = layer + (k == 0 ? "/kernel" : "/bias");
                WeightSet.Entry e = initial.get(name);
                Shape shape = Shape.of(e.shape());
                int i = 2 * l + k;
                handles[i] = tf.varHandleOp(TFloat32.class, shape, VarHandleOp.sharedName("hand_" + i));
                inits.add(tf.assignVariableOp(handles[i], tf.constant(shape, DataBuffers.of(e.values(), true, false))));
                Operand<TFloat32> read = tf.readVariableOp(handles[i], TFloat32.class);
                reads[i] = read.asOutput();
                boolean penalized = setup.penalty() != MlpBenchmark.Penalty.NONE
                        && (k == 0 ? l < layers - 1 || setup.everyWeight() : setup.everyWeight());
                if (penalized) {
                    Operand<TFloat32> term = setup.penalty().handWritten(tf, read);
                    penalty = penalty == null ? term : tf.math.add(penalty, term);
                }
            }
            @SuppressWarnings("unchecked")
            Operand<TFloat32> w = (Operand<TFloat32>) reads[2 * l];
            @SuppressWarnings("unchecked")
            Operand<TFloat32> b = (Operand<TFloat32>) reads[2 * l + 1];
            h = tf.nn.biasAdd(tf.linalg.matMul(h, w), b);
            if (l < layers - 1) {
                h = tf.nn.relu(h);
            }
        }
        logits = h;
        Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(sizes[layers]), tf.constant(1f), tf.constant(0f));
        Operand<TFloat32> data = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(h, oneHot).loss(), tf.constant(0));
        loss = penalty == null ? data : tf.math.add(data, penalty);
        Output<?>[] grads = graph.addGradients(loss.asOutput(), reads);
        Ops after = tf.withControlDependencies(List.of(grads));
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < grads.length; i++) {
            @SuppressWarnings("unchecked")
            Operand<TFloat32> g = (Operand<TFloat32>) grads[i];
            if (setup.adam()) {
                Shape shape = reads[i].shape();
                Operand<?> m = tf.varHandleOp(TFloat32.class, shape, VarHandleOp.sharedName("hand_m" + i));
                Operand<?> v = tf.varHandleOp(TFloat32.class, shape, VarHandleOp.sharedName("hand_v" + i));
                inits.add(tf.assignVariableOp(m, tf.zerosLike(reads[i])));
                inits.add(tf.assignVariableOp(v, tf.zerosLike(reads[i])));
                // One step only is benchmarked per call, so the bias corrections use step 1's powers: the cost is
                // the kernel's, which does not depend on them.
                applies.add(after.train.resourceApplyAdam(handles[i], m, v, tf.constant(0.9f), tf.constant(0.999f),
                        tf.constant((float) setup.learningRate()), tf.constant(0.9f), tf.constant(0.999f),
                        tf.constant(1e-7f), g));
            } else {
                applies.add(after.train.resourceApplyGradientDescent(handles[i],
                        tf.constant((float) setup.learningRate()), g));
            }
        }
        step = tf.withControlDependencies(applies).noOp();
        session = new Session(graph, ConfigProto.newBuilder().setIntraOpParallelismThreads(threads)
                .setInterOpParallelismThreads(1).build());
        Session.Runner init = session.runner();
        inits.forEach(init::addTarget);
        init.run().close();
    }

    /** One epoch over {@code x} in order; returns the last batch's loss. */
    float epoch(float[] x, int[] y, int examples, int batch) {
        int features = MlpBenchmark.SIZES[0];
        float last = Float.NaN;
        for (int from = 0; from + batch <= examples; from += batch) {
            try (TFloat32 xb = TFloat32.tensorOf(Shape.of(batch, features),
                    DataBuffers.of(x, true, false).slice((long) from * features, (long) batch * features));
                 TInt32 yb = TInt32.tensorOf(Shape.of(batch), DataBuffers.of(y, true, false).slice(from, batch));
                 Result r = session.runner().feed(input, xb).feed(labels, yb).addTarget(step).fetch(loss).run()) {
                last = ((TFloat32) r.get(0)).getFloat();
            }
        }
        return last;
    }

    /** Logits of {@code rows} examples starting at {@code from}, as a hand-written server would run them. */
    float[] predict(float[] x, int from, int rows, float[] out) {
        int features = MlpBenchmark.SIZES[0];
        try (TFloat32 xb = TFloat32.tensorOf(Shape.of(rows, features),
                DataBuffers.of(x, true, false).slice((long) from * features, (long) rows * features));
             Result r = session.runner().feed(input, xb).fetch(logits).run()) {
            ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
        }
        return out;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
