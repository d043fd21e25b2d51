package dev.strata.fuzz;

/**
 * A stand-in for {@link FuzzChild} that misbehaves on purpose, so {@link ChildFuzzerTest} can show the harness
 * sees what it must: case {@code i % 4 == 1} kills the JVM as a native abort would, {@code 2} never answers,
 * {@code 3} throws an untyped exception, the rest are ok.
 */
public final class MisbehavingChild {
    private MisbehavingChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        for (long i = Long.parseLong(args[1]); i < Long.parseLong(args[2]); i++) {
            System.out.println("@@start " + i);
            System.out.flush();
            switch ((int) (i % 4)) {
                case 1 -> Runtime.getRuntime().halt(134); // SIGABRT's exit status, without shutdown hooks
                case 2 -> Thread.sleep(Long.MAX_VALUE);
                case 3 -> System.out.println("@@done " + i + " " + Outcomes.of(new IllegalArgumentException()));
                default -> System.out.println("@@done " + i + " " + Outcomes.OK);
            }
            System.out.flush();
        }
    }
}
