package dev.strata.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Minimal {@code --option value} / {@code --flag} parsing with errors that say which argument is wrong. */
final class Arguments {
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new java.util.HashSet<>();
    private final List<String> positionals = new ArrayList<>();

    Arguments(List<String> args, List<String> valued, List<String> booleans) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (valued.contains(a)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(a + " needs a value");
                }
                options.put(a, args.get(++i));
            } else if (booleans.contains(a)) {
                flags.add(a);
            } else if (a.startsWith("--")) {
                throw new UsageException("unknown option " + a);
            } else {
                positionals.add(a);
            }
        }
    }

    String value(String option, String fallback) {
        return options.getOrDefault(option, fallback);
    }

    int intValue(String option, int fallback) {
        String v = options.get(option);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) {
                throw new UsageException(option + " must be a positive integer, was " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a positive integer, was " + v);
        }
    }

    long longValue(String option, long fallback) {
        String v = options.get(option);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be an integer, was " + v);
        }
    }

    /** A fraction in [0, 1). */
    double fraction(String option, double fallback) {
        double f = doubleValue(option, fallback);
        if (!(f >= 0 && f < 1)) {
            throw new UsageException(option + " must be in [0, 1), was " + options.get(option));
        }
        return f;
    }

    double doubleValue(String option, double fallback) {
        String v = options.get(option);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number, was " + v);
        }
    }

    boolean flag(String flag) {
        return flags.contains(flag);
    }

    List<String> positionals() {
        return positionals;
    }

    void requireNoPositionals(int allowed) {
        if (positionals.size() > allowed) {
            throw new UsageException("unexpected argument " + positionals.get(allowed));
        }
    }

    /** A command-line mistake: printed with the command's usage, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
