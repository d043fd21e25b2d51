package dev.strata.spec;

/**
 * Keras 3's optimizers, with Keras's defaults and update rules. Each takes its own hyperparameters and the
 * {@link OptimizerOptions} every Keras optimizer shares: a learning-rate schedule, decoupled weight decay
 * ({@code w -= lr * wd * w} before the update; not an L2 penalty, see README), gradient clipping and a moving
 * average of the weights.
 *
 * <pre>{@code
 * Optimizer.rmsprop(1e-3).momentum(0.9).clipnorm(1.0)
 * Optimizer.adam().learningRate(LearningRateSchedule.cosineDecay(1e-3, 10_000).warmup(3e-3, 500))
 * }</pre>
 */
public sealed interface Optimizer permits Optimizer.Sgd, Optimizer.Adam, RmsProp, Adagrad, Adadelta, Adamax, Nadam,
        Ftrl, Lion, Adafactor, Lamb {

    /** The constant learning rate; with a schedule, the schedule's rate at step 0 (see {@link #options()}). */
    double learningRate();

    /** Schedule, weight decay, clipping and EMA settings. */
    OptimizerOptions options();

    String kerasClassName();

    /** The same optimizer with other shared settings. */
    Optimizer withOptions(OptimizerOptions options);

    /** The same optimizer with a constant learning rate (any schedule removed). */
    Optimizer learningRate(double learningRate);

    default double weightDecay() {
        return options().weightDecay();
    }

    default Optimizer weightDecay(double weightDecay) {
        return withOptions(options().weightDecay(weightDecay));
    }

    /** The learning rate as a function of the step; {@code fit}'s callbacks can then no longer set it. */
    default Optimizer learningRate(LearningRateSchedule schedule) {
        Checks.notNull(kerasClassName(), "learning_rate", schedule);
        return withOptions(options().schedule(schedule));
    }

    /** Clips each weight's gradient to this L2 norm (Keras {@code clipnorm}). */
    default Optimizer clipnorm(double clipnorm) {
        return withOptions(options().clipnorm(clipnorm));
    }

    /** Clips every gradient element to {@code [-clipvalue, clipvalue]}. */
    default Optimizer clipvalue(double clipvalue) {
        return withOptions(options().clipvalue(clipvalue));
    }

    /** Scales all gradients together so their joint L2 norm is at most this. */
    default Optimizer globalClipnorm(double globalClipnorm) {
        return withOptions(options().globalClipnorm(globalClipnorm));
    }

    /** Keeps a moving average of the weights, which replaces them when {@code fit} returns (Keras's use_ema). */
    default Optimizer ema(double momentum) {
        return withOptions(options().ema(true, momentum, null));
    }

    /** As {@link #ema(double)}, also overwriting the weights with their averages every {@code frequency} steps. */
    default Optimizer ema(double momentum, int frequency) {
        return withOptions(options().ema(true, momentum, frequency));
    }

    /** Keras defaults: learning rate 0.01, no momentum. */
    static Sgd sgd() {
        return sgd(0.01);
    }

    static Sgd sgd(double learningRate) {
        return new Sgd(learningRate, 0, false, 0);
    }

    /** Keras defaults: learning rate 0.001, betas 0.9 / 0.999, epsilon 1e-7. */
    static Adam adam() {
        return adam(0.001);
    }

    static Adam adam(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-7, 0);
    }

    /** Keras {@code AdamW}: Adam with decoupled weight decay, default 0.004. */
    static Adam adamW(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-7, 0.004);
    }

    /** Keras defaults: learning rate 0.001, rho 0.9, no momentum, epsilon 1e-7, not centered. */
    static RmsProp rmsprop() {
        return rmsprop(0.001);
    }

    static RmsProp rmsprop(double learningRate) {
        return new RmsProp(learningRate, 0.9, 0, 1e-7, false, null);
    }

    /** Keras defaults: learning rate 0.001, initial accumulator 0.1, epsilon 1e-7. */
    static Adagrad adagrad() {
        return adagrad(0.001);
    }

    static Adagrad adagrad(double learningRate) {
        return new Adagrad(learningRate, 0.1, 1e-7, null);
    }

    /** Keras defaults: learning rate 0.001, rho 0.95, epsilon 1e-7. */
    static Adadelta adadelta() {
        return adadelta(0.001);
    }

    static Adadelta adadelta(double learningRate) {
        return new Adadelta(learningRate, 0.95, 1e-7, null);
    }

    /** Keras defaults: learning rate 0.001, betas 0.9 / 0.999, epsilon 1e-7. */
    static Adamax adamax() {
        return adamax(0.001);
    }

    static Adamax adamax(double learningRate) {
        return new Adamax(learningRate, 0.9, 0.999, 1e-7, null);
    }

    /** Keras defaults: learning rate 0.001, betas 0.9 / 0.999, epsilon 1e-7. */
    static Nadam nadam() {
        return nadam(0.001);
    }

    static Nadam nadam(double learningRate) {
        return new Nadam(learningRate, 0.9, 0.999, 1e-7, null);
    }

    /** Keras defaults: learning rate 0.001, power -0.5, initial accumulator 0.1, no penalties, beta 0. */
    static Ftrl ftrl() {
        return ftrl(0.001);
    }

    static Ftrl ftrl(double learningRate) {
        return new Ftrl(learningRate, -0.5, 0.1, 0, 0, 0, 0, null);
    }

    /** Keras defaults: learning rate 0.001, betas 0.9 / 0.99. */
    static Lion lion() {
        return lion(0.001);
    }

    static Lion lion(double learningRate) {
        return new Lion(learningRate, 0.9, 0.99, null);
    }

    /** Keras defaults: learning rate 0.001, beta_2_decay -0.8, epsilons 1e-30 / 1e-3, clip threshold 1. */
    static Adafactor adafactor() {
        return adafactor(0.001);
    }

    static Adafactor adafactor(double learningRate) {
        return new Adafactor(learningRate, -0.8, 1e-30, 1e-3, 1.0, true, null);
    }

    /** Keras defaults: learning rate 0.001, betas 0.9 / 0.999, epsilon 1e-7. */
    static Lamb lamb() {
        return lamb(0.001);
    }

    static Lamb lamb(double learningRate) {
        return new Lamb(learningRate, 0.9, 0.999, 1e-7, null);
    }

    /** Keras 3 SGD: {@code m = momentum * m - lr * g; w += m} (Nesterov: {@code w += momentum * m - lr * g}). */
    record Sgd(double learningRate, double momentum, boolean nesterov, OptimizerOptions options) implements Optimizer {
        public Sgd {
            options = Checks.options(options);
            learningRate = Checks.optimizerRate("SGD", learningRate, options);
            if (Double.isNaN(momentum) || momentum < 0 || momentum > 1) {
                throw new InvalidSpecException("SGD", "momentum", "must be in [0, 1]. Received: momentum=" + momentum);
            }
        }

        public Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay) {
            this(learningRate, momentum, nesterov, OptimizerOptions.DEFAULTS.weightDecay(weightDecay));
        }

        public Sgd momentum(double momentum) {
            return new Sgd(learningRate, momentum, nesterov, options);
        }

        public Sgd nesterov(boolean nesterov) {
            return new Sgd(learningRate, momentum, nesterov, options);
        }

        @Override
        public Sgd weightDecay(double weightDecay) {
            return withOptions(options.weightDecay(weightDecay));
        }

        public Sgd withOptions(OptimizerOptions o) {
            return new Sgd(learningRate, momentum, nesterov, o);
        }

        public Sgd learningRate(double lr) {
            return new Sgd(lr, momentum, nesterov, options.schedule(null));
        }

        public String kerasClassName() {
            return "SGD";
        }
    }

    /**
     * Keras 3 Adam (epsilon outside the square root, bias correction folded into the step size); with
     * {@code amsgrad}, the step divides by the running maximum of the second moment.
     */
    record Adam(double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad,
                OptimizerOptions options) implements Optimizer {
        public Adam {
            options = Checks.options(options);
            learningRate = Checks.optimizerRate("Adam", learningRate, options);
            Checks.inHalfOpenUnit("Adam", "beta_1", beta1);
            Checks.inHalfOpenUnit("Adam", "beta_2", beta2);
            Checks.positiveFinite("Adam", "epsilon", epsilon);
        }

        public Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
            this(learningRate, beta1, beta2, epsilon, false, OptimizerOptions.DEFAULTS.weightDecay(weightDecay));
        }

        @Override
        public Adam weightDecay(double weightDecay) {
            return withOptions(options.weightDecay(weightDecay));
        }

        public Adam betas(double beta1, double beta2) {
            return new Adam(learningRate, beta1, beta2, epsilon, amsgrad, options);
        }

        public Adam epsilon(double epsilon) {
            return new Adam(learningRate, beta1, beta2, epsilon, amsgrad, options);
        }

        public Adam amsgrad(boolean on) {
            return new Adam(learningRate, beta1, beta2, epsilon, on, options);
        }

        public Adam withOptions(OptimizerOptions o) {
            return new Adam(learningRate, beta1, beta2, epsilon, amsgrad, o);
        }

        public Adam learningRate(double lr) {
            return new Adam(lr, beta1, beta2, epsilon, amsgrad, options.schedule(null));
        }

        /** {@code AdamW} when weight decay is set (Keras's AdamW is Adam with decoupled decay). */
        public String kerasClassName() {
            return options.weightDecay() > 0 ? "AdamW" : "Adam";
        }
    }
}
