package dev.strata.train;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/** Opens sessions with the model's thread settings. */
final class Sessions {
    private Sessions() {
    }

    static Session open(Graph graph, ModelOptions options) {
        ConfigProto.Builder config = ConfigProto.newBuilder();
        if (options.intraOpThreads() > 0) {
            config.setIntraOpParallelismThreads(options.intraOpThreads());
        }
        if (options.interOpThreads() > 0) {
            config.setInterOpParallelismThreads(options.interOpThreads());
        }
        return new Session(graph, config.build());
    }
}
