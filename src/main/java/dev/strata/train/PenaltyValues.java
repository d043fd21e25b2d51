package dev.strata.train;

import dev.strata.graph.RegularizationTerm;
import dev.strata.graph.TrainingGraph;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/** The values of penalty terms, fetched in one session run (with a batch fed when activity terms need one). */
final class PenaltyValues {
    private PenaltyValues() {
    }

    /** @param x the batch to feed the model's input, or null when every term depends on the weights alone */
    static List<RegularizationValue> fetch(Session session, TrainingGraph train, List<RegularizationTerm> terms,
                                           TFloat32 x) {
        List<RegularizationValue> out = new ArrayList<>();
        if (terms.isEmpty()) {
            return out;
        }
        Session.Runner runner = session.runner();
        for (RegularizationTerm t : terms) {
            runner.fetch(t.value());
        }
        if (x != null) {
            runner.feed(train.input(), x);
        }
        try (Result r = runner.run()) {
            for (int i = 0; i < terms.size(); i++) {
                RegularizationTerm t = terms.get(i);
                out.add(new RegularizationValue(t.name(), t.layer(), t.kind(), ((TFloat32) r.get(i)).getFloat()));
            }
        }
        return out;
    }
}
