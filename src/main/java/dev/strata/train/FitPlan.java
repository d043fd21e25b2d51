package dev.strata.train;

/** What a running {@code fit} will do, for callbacks that size progress bars or schedules. */
public record FitPlan(int initialEpoch, int epochs, int stepsPerEpoch, int trainExamples, int validationExamples,
                      int batchSize) {
}
