package dev.strata.train;

import dev.strata.graph.TrainingGraph;
import org.tensorflow.Session;

/**
 * With {@code use_ema}, Keras's {@code fit} ends by replacing the trainable weights with their moving averages
 * ({@code optimizer.finalize_variable_values}), so evaluate, predict and export afterwards use the averages. Before
 * the first step the averages hold nothing (Keras raises there, its optimizer not being built): nothing changes.
 */
final class EmaFinalize {
    private EmaFinalize() {
    }

    /** @return whether the weights changed */
    static boolean run(Session session, TrainingGraph train, long step) {
        if (train.emaFinalize() == null || step == 0) {
            return false;
        }
        session.runner().addTarget(train.emaFinalize()).run().close();
        return true;
    }
}
