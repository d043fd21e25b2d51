package dev.strata.spec;

import java.util.Locale;

/** Short human-readable forms of spec values, for summaries and reports. */
public final class Describe {
    private Describe() {
    }

    public static String of(Regularizer r) {
        if (r instanceof L1 l1) {
            return "L1(" + num(l1.l1()) + ")";
        }
        if (r instanceof L2 l2) {
            return "L2(" + num(l2.l2()) + ")";
        }
        if (r instanceof L1L2 both) {
            return "L1L2(" + num(both.l1()) + ", " + num(both.l2()) + ")";
        }
        if (r instanceof OrthogonalRegularizer o) {
            return "Orthogonal(" + num(o.factor()) + ", " + o.mode().kerasName() + ")";
        }
        CustomRegularizer c = (CustomRegularizer) r;
        return c.registeredName() + c.config();
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(e|$)", "$1");
    }
}
