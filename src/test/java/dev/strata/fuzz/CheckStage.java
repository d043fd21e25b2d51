package dev.strata.fuzz;

import dev.strata.graph.GraphCompiler;
import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;

/** Read and the spec-level check, in-process: no native code runs before {@link FitStage}. */
final class CheckStage {
    private CheckStage() {
    }

    static String run(String input) {
        try {
            ReadResult r = ModelJson.read(input);
            GraphCompiler.check(r.spec());
            return Outcomes.OK;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Outcomes.of(e);
        }
    }
}
