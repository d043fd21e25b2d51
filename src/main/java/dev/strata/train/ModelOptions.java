package dev.strata.train;

/**
 * How a model is built and run: the seed behind every initial weight and dropout mask, and TensorFlow's
 * thread pools (0 lets TensorFlow choose). On small CPUs, one inter-op thread and all cores intra-op is
 * usually fastest for dense models.
 */
public record ModelOptions(long seed, int intraOpThreads, int interOpThreads) {
    public ModelOptions {
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0 (0 = TensorFlow default)");
        }
    }

    public static ModelOptions defaults() {
        return new ModelOptions(0, 0, 0);
    }

    public ModelOptions seed(long seed) {
        return new ModelOptions(seed, intraOpThreads, interOpThreads);
    }

    public ModelOptions threads(int intraOp, int interOp) {
        return new ModelOptions(seed, intraOp, interOp);
    }
}
