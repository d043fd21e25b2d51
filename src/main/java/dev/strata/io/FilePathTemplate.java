package dev.strata.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checkpoint path with Python format fields, as Keras's {@code ModelCheckpoint} takes it:
 * {@code "ckpt/weights.{epoch:02d}-{val_loss:.2f}.ckpt"}. Supports {@code {name}} and {@code {name:spec}} with
 * the spec {@code [0][width][.precision][d|f|e|E|s]}, and {@code {{} / {@code }}} for literal braces.
 * Parsed once, so a malformed template fails when the callback is built, not after the first epoch.
 */
final class FilePathTemplate {
    private static final Pattern SPEC = Pattern.compile("(0)?(\\d+)?(?:\\.(\\d+))?([dfeEs])?");

    /** A literal run of text, or a field to fill. */
    private record Part(String literal, String field, String spec) {
    }

    private final String template;
    private final List<Part> parts = new ArrayList<>();

    FilePathTemplate(String template) {
        this.template = template;
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
                literal.append(c);
                i++;
            } else if (c == '}') {
                throw bad("a single '}' at index " + i + " (write '}}' for a literal brace)");
            } else if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw bad("the '{' at index " + i + " is never closed");
                }
                String body = template.substring(i + 1, end);
                int colon = body.indexOf(':');
                String field = colon < 0 ? body : body.substring(0, colon);
                String spec = colon < 0 ? "" : body.substring(colon + 1);
                if (field.isEmpty() || field.contains("{")) {
                    throw bad("empty or nested field at index " + i + " (Keras fields are named, as {epoch})");
                }
                if (!SPEC.matcher(spec).matches()) {
                    throw bad("unsupported format spec '" + spec + "' for field '" + field + "'");
                }
                parts.add(new Part(literal.toString(), null, null));
                literal.setLength(0);
                parts.add(new Part(null, field, spec));
                i = end;
            } else {
                literal.append(c);
            }
        }
        parts.add(new Part(literal.toString(), null, null));
    }

    /** Whether the template names this field, e.g. whether every epoch gets its own file. */
    boolean uses(String field) {
        return parts.stream().anyMatch(p -> field.equals(p.field()));
    }

    /** Fills the fields; integers (epoch, batch) and log values may both appear. */
    String format(Map<String, ? extends Number> values) {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            if (p.literal() != null) {
                out.append(p.literal());
                continue;
            }
            Number v = values.get(p.field());
            if (v == null) {
                throw new IllegalArgumentException("cannot format checkpoint path \"" + template + "\": no value for '"
                        + p.field() + "'; available: " + values.keySet());
            }
            out.append(formatOne(p, v));
        }
        return out.toString();
    }

    private String formatOne(Part p, Number v) {
        Matcher m = SPEC.matcher(p.spec());
        m.matches();
        String zero = m.group(1) != null && m.group(2) != null ? "0" : "";
        String width = m.group(2) != null ? m.group(2) : "";
        String precision = m.group(3) != null ? "." + m.group(3) : "";
        String type = m.group(4);
        boolean integral = v instanceof Integer || v instanceof Long;
        if (type == null || type.equals("s")) {
            String plain = integral ? Long.toString(v.longValue()) : Double.toString(v.doubleValue());
            return width.isEmpty() ? plain : String.format(Locale.ROOT, "%" + width + "s", plain);
        }
        if (type.equals("d")) {
            if (!integral) {
                throw new IllegalArgumentException("cannot format checkpoint path \"" + template + "\": field '"
                        + p.field() + "' is a float (" + v + ") but its spec ':" + p.spec() + "' wants an integer");
            }
            return String.format(Locale.ROOT, "%" + zero + width + "d", v.longValue());
        }
        return String.format(Locale.ROOT, "%" + zero + width + precision + type, v.doubleValue());
    }

    private IllegalArgumentException bad(String what) {
        return new IllegalArgumentException("checkpoint path template \"" + template + "\": " + what);
    }

    @Override
    public String toString() {
        return template;
    }
}
