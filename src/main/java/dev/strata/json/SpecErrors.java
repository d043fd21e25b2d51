package dev.strata.json;

import dev.strata.spec.CyclicGraphException;
import dev.strata.spec.InvalidSpecException;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the spec layer's {@link InvalidSpecException} (owner + Keras argument name) into a JSON path. The
 * owner text carries {@code layers[i]} or {@code inputs[j]}, which the model readers map to the JSON entry they
 * read the layer from; the field becomes a key under its {@code config} when the document has that key.
 */
final class SpecErrors {
    private static final Pattern LAYER = Pattern.compile("\\blayers\\[(\\d+)]");
    private static final Pattern INPUT = Pattern.compile("\\binputs\\[(\\d+)]");
    /** Keras 1 spellings of the arguments the spec names, so the path points at what the file really has. */
    private static final Map<String, List<String>> ALIASES = Map.of(
            "units", List.of("output_dim"),
            "rate", List.of("p"),
            "use_bias", List.of("bias"),
            "kernel_initializer", List.of("init"),
            "kernel_regularizer", List.of("W_regularizer"),
            "bias_regularizer", List.of("b_regularizer"));

    private SpecErrors() {
    }

    /** Where one spec layer (or input) came from in the document. */
    record Site(JsonPath entry, Fields config) {
    }

    /** For errors raised while reading one object: the field is a key of that object's config. */
    static JsonSpecException atField(ReadContext ctx, InvalidSpecException e, JsonPath config) {
        JsonPath path = e.field() == null ? config : config.key(e.field());
        return ctx.error(JsonSpecException.Kind.INVALID, path, e.problem(), e.field(), e);
    }

    /** For errors raised by a model constructor, which name the layer by its index. */
    static JsonSpecException atModel(ReadContext ctx, InvalidSpecException e, List<Site> layers, List<Site> inputs,
                                     JsonPath modelConfig) {
        Site site = find(LAYER, e.where(), layers);
        if (site == null) {
            site = find(INPUT, e.where(), inputs);
        }
        String field = e.field();
        String problem = e.problem();
        JsonPath path;
        if (e instanceof CyclicGraphException || "inbound_nodes".equals(field)) {
            path = site == null ? modelConfig.key("layers") : site.entry().key("inbound_nodes");
        } else if (site == null) {
            path = field != null && modelConfig != null ? modelConfig.key(field) : modelConfig;
        } else {
            String key = keyIn(site.config(), field);
            path = key != null ? site.config().at(key) : site.entry();
            if (key == null && field != null) {
                problem = field + " " + problem;
            }
        }
        return ctx.error(JsonSpecException.Kind.INVALID, path, problem, field, e);
    }

    private static Site find(Pattern pattern, String where, List<Site> sites) {
        Matcher m = pattern.matcher(where);
        if (!m.find()) {
            return null;
        }
        int i = Integer.parseInt(m.group(1));
        return i < sites.size() ? sites.get(i) : null;
    }

    private static String keyIn(Fields config, String field) {
        if (field == null || config == null) {
            return null;
        }
        if (config.contains(field)) {
            return field;
        }
        for (String alias : ALIASES.getOrDefault(field, List.of())) {
            if (config.contains(alias)) {
                return alias;
            }
        }
        return null;
    }
}
