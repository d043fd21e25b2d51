package dev.strata.train;

import dev.strata.json.PythonFloat;
import java.util.Map;

/**
 * Sets the learning rate at the start of every epoch from a function of the epoch (zero-based) and the current
 * rate, as Keras's {@code LearningRateScheduler}, and adds {@code learning_rate} to each epoch's logs as Keras 3
 * does. The rate is stored in float32 like every optimizer variable, so the next call sees it rounded.
 *
 * <pre>{@code
 * LearningRateScheduler.of((epoch, lr) -> epoch < 10 ? lr : lr * Math.exp(-0.1))
 * }</pre>
 */
public final class LearningRateScheduler implements Callback {

    /** A learning-rate schedule: the rate for {@code epoch}, given the rate in use now. */
    @FunctionalInterface
    public interface Schedule {
        double learningRate(int epoch, double current);
    }

    private final Schedule schedule;
    private final boolean verbose;
    private Model model;

    private LearningRateScheduler(Schedule schedule, boolean verbose) {
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        this.schedule = schedule;
        this.verbose = verbose;
    }

    public static LearningRateScheduler of(Schedule schedule) {
        return new LearningRateScheduler(schedule, false);
    }

    /** Print Keras's message each time the rate is set. */
    public LearningRateScheduler verbose(boolean verbose) {
        return new LearningRateScheduler(schedule, verbose);
    }

    @Override
    public void onTrainBegin(Model model, FitPlan plan) {
        // Refused up front rather than at the first change, which may come many epochs in.
        ScheduledRates.requireSettable(model, "LearningRateScheduler");
        this.model = model;
    }

    @Override
    public void onEpochBegin(int epoch) {
        double lr = schedule.learningRate(epoch, model.learningRate());
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("The output of the schedule function should be a finite float >= 0. "
                    + "Got: " + lr + " for epoch " + epoch);
        }
        model.setLearningRate(lr);
        if (verbose) {
            System.out.println("Epoch " + (epoch + 1) + ": LearningRateScheduler setting learning rate to "
                    + PythonFloat.repr(lr) + ".");
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.put("learning_rate", model.learningRate());
    }
}
