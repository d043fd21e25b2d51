package dev.strata.train;

/**
 * Keras refuses to set the learning rate of an optimizer built with a learning-rate schedule ("its learning rate
 * is not settable"); so does Strata, before anything changes: in {@link Model#setLearningRate} and, because the
 * first change may come many epochs in, when a rate-setting callback's {@code fit} starts.
 */
final class ScheduledRates {
    private ScheduledRates() {
    }

    /** @param who the caller, named first in the message (a callback class, or the method) */
    static void requireSettable(Model model, String who) {
        var schedule = model.config().optimizer().options().schedule();
        if (schedule != null) {
            throw new IllegalStateException(who + ": model '" + model.spec().name() + "' has an optimizer created "
                    + "with a learning-rate schedule (" + schedule.kerasClassName() + ") as its learning_rate, hence "
                    + "its learning rate is not settable (Keras refuses this too). Give the optimizer a constant "
                    + "learning rate to change it from callbacks.");
        }
    }
}
