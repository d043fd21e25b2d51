package dev.strata.spec;

/**
 * Keras {@code Dropout}: in training, zeroes each input with probability {@code rate} and scales the rest
 * by {@code 1 / (1 - rate)}; at inference it does not exist. Keras accepts {@code rate = 1}, which zeroes
 * everything and divides by zero; Strata requires {@code rate < 1}.
 */
public record Dropout(String name, double rate, Long seed) implements Layer {

    public static Dropout rate(double rate) {
        return new Dropout(null, rate, null);
    }

    public Dropout name(String name) {
        return new Dropout(name, rate, seed);
    }

    public Dropout seed(long seed) {
        return new Dropout(name, rate, seed);
    }

    @Override
    public Dropout withName(String name) {
        return name(name);
    }

    @Override
    public String kerasClassName() {
        return "Dropout";
    }

    @Override
    public String namePrefix() {
        return "dropout";
    }

    @Override
    public void validate(String where) {
        Checks.inHalfOpenUnit(where, "rate", rate);
    }

    @Override
    public TensorShape outputShape(TensorShape input, String where) {
        return input;
    }
}
