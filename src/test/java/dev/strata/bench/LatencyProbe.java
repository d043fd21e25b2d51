package dev.strata.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.types.TFloat32;

/** Temporary: batch-1 latency of the MLP under session configurations. */
public final class LatencyProbe {
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        String variant = args.length > 1 ? args[1] : "matmul";
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 784)));
            int[] sizes = {784, 512, 512, 10};
            Operand<TFloat32> h = in;
            List<org.tensorflow.op.Op> inits = new java.util.ArrayList<>();
            for (int l = 0; l < 3; l++) {
                Operand<?> w = tf.varHandleOp(TFloat32.class, Shape.of(sizes[l], sizes[l + 1]), VarHandleOp.sharedName("w" + l));
                Operand<?> b = tf.varHandleOp(TFloat32.class, Shape.of(sizes[l + 1]), VarHandleOp.sharedName("b" + l));
                inits.add(tf.assignVariableOp(w, tf.random.randomUniform(tf.constant(new int[] {sizes[l], sizes[l + 1]}), TFloat32.class)));
                inits.add(tf.assignVariableOp(b, tf.zeros(tf.constant(new int[] {sizes[l + 1]}), TFloat32.class)));
                Operand<TFloat32> wr = tf.readVariableOp(w, TFloat32.class);
                Operand<TFloat32> mm = switch (variant) {
                    case "batch" -> tf.train.batchMatMul(h, wr, TFloat32.class);
                    case "sparse" -> tf.sparse.sparseMatMul(h, wr);
                    default -> tf.linalg.matMul(h, wr);
                };
                h = tf.nn.biasAdd(mm, tf.readVariableOp(b, TFloat32.class));
                if (l < 2) h = tf.nn.relu(h);
            }
            Operand<TFloat32> out = tf.identity(h);
            String[] names = {"intra2 inter1", "intra1 inter1", "intra1 inter-1", "intra2 inter-1", "intra1 inter1 global-pool", "intra0 inter0 defaults"};
            ConfigProto[] cfgs = {
                ConfigProto.newBuilder().setIntraOpParallelismThreads(2).setInterOpParallelismThreads(1).build(),
                ConfigProto.newBuilder().setIntraOpParallelismThreads(1).setInterOpParallelismThreads(1).build(),
                ConfigProto.newBuilder().setIntraOpParallelismThreads(1).setInterOpParallelismThreads(-1).build(),
                ConfigProto.newBuilder().setIntraOpParallelismThreads(2).setInterOpParallelismThreads(-1).build(),
                ConfigProto.newBuilder().setIntraOpParallelismThreads(1).setInterOpParallelismThreads(1).setUsePerSessionThreads(true).build(),
                ConfigProto.newBuilder().build(),
            };
            Session[] ss = new Session[cfgs.length];
            TFloat32[] ts = new TFloat32[cfgs.length];
            Session.Runner[] rs = new Session.Runner[cfgs.length];
            float[] x = new float[rows * 784];
            float[] y = new float[rows * 10];
            for (int i = 0; i < cfgs.length; i++) {
                ss[i] = new Session(g, cfgs[i]);
                Session.Runner r = ss[i].runner();
                inits.forEach(r::addTarget);
                r.run().close();
                ts[i] = TFloat32.tensorOf(Shape.of(rows, 784));
                rs[i] = ss[i].runner().feed(in, ts[i]).fetch(out);
            }
            int calls = 3000;
            long[][] lat = new long[cfgs.length * 2][calls];
            for (int i = 0; i < cfgs.length; i++) {
                for (int k = 0; k < 2; k++) {
                    for (int c = 0; c < calls; c++) {
                        x[c % x.length] = c;
                        long t0 = System.nanoTime();
                        if (k == 0) {
                            ts[i].asRawTensor().data().asFloats().write(x);
                            try (Result res = rs[i].run()) {
                                ((TFloat32) res.get(0)).asRawTensor().data().asFloats().read(y);
                            }
                        } else {
                            try (TFloat32 t = TFloat32.tensorOf(Shape.of(rows, 784), DataBuffers.of(x, true, false));
                                 Result res = ss[i].runner().feed(in, t).fetch(out).run()) {
                                ((TFloat32) res.get(0)).copyTo(DataBuffers.of(y, false, false));
                            }
                        }
                        lat[2 * i + k][c] = System.nanoTime() - t0;
                    }
                }
            }
            for (Session s : ss) s.close();
            for (int i = 0; i < cfgs.length; i++) {
                for (int k = 0; k < 2; k++) {
                    long[] s = lat[2 * i + k].clone();
                    Arrays.sort(s);
                    System.out.printf(Locale.ROOT, "%-28s %-14s median %.4f ms p99 %.4f ms%n", names[i], k == 0 ? "reused" : "fresh", s[calls / 2] / 1e6, s[calls * 99 / 100] / 1e6);
                }
            }
        }
    }
}
