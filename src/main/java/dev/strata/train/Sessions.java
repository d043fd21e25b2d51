package dev.strata.train;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * Opens sessions with the model's thread settings and a graph optimizer tuned for compile time. TensorFlow runs
 * its graph optimizer (Grappler) on the first run of every new set of fetches; on a 200-layer model the default
 * passes took 7 s before the first step. The passes that pay off on CPU (constant folding, arithmetic
 * simplification, op fusion by the remapper, pruning) stay on, once; those that only matter elsewhere (layout for
 * GPUs, memory recomputation for large accelerator graphs, the MLIR graph optimizer, control-dependency pruning)
 * are off. Steps run as fast as with the defaults (PerformanceSuite: Strata / hand-written graph 0.95 to
 * 1.04 either way, the hand-written graph keeping TensorFlow's defaults), and the first step of that 200-layer
 * model comes three times sooner.
 */
final class Sessions {
    private Sessions() {
    }

    static Session open(Graph graph, ModelOptions options) {
        return open(graph, options, options.interOpThreads());
    }

    /**
     * The INFER graph's session: the graph runs on the calling thread (a negative inter-op count), which saves the
     * hand-off to TensorFlow's inter-op pool on every predict (a batch-1 call of the benchmark MLP: 0.16-0.17 ms
     * against 0.18-0.19 ms in a default session, BENCHMARKS.md); kernels still split large batches over the intra-op
     * threads.
     */
    static Session openForInference(Graph graph, ModelOptions options) {
        return open(graph, options, -1);
    }

    private static Session open(Graph graph, ModelOptions options, int interOpThreads) {
        ConfigProto.Builder config = ConfigProto.newBuilder();
        if (options.intraOpThreads() > 0) {
            config.setIntraOpParallelismThreads(options.intraOpThreads());
        }
        if (interOpThreads != 0) {
            config.setInterOpParallelismThreads(interOpThreads);
        }
        config.setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(RewriterConfig.newBuilder()
                .setMetaOptimizerIterations(RewriterConfig.NumIterationsType.ONE)
                .setDisableTfgOptimizer(true)
                .setMemoryOptimization(RewriterConfig.MemOptType.NO_MEM_OPT)
                .setDependencyOptimization(RewriterConfig.Toggle.OFF)
                .setLayoutOptimizer(RewriterConfig.Toggle.OFF)));
        return new Session(graph, config.build());
    }
}
