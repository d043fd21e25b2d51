package dev.strata.json;

import dev.strata.spec.ConfigField;
import dev.strata.spec.CyclicGraphException;
import dev.strata.spec.InvalidSpecException;
import dev.strata.spec.LayerType;

import java.util.List;
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

    private SpecErrors() {
    }

    /** Where one spec layer (or input) came from in the document, and its type (null for an input). */
    record Site(JsonPath entry, Fields config, LayerType<?> type) {
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
            String key = keyIn(site, field);
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

    /** The key the document really has for a field: the Keras 3 key or an older alias the type declares. */
    private static String keyIn(Site site, String field) {
        if (field == null || site.config() == null) {
            return null;
        }
        if (site.config().contains(field)) {
            return field;
        }
        ConfigField<?> f = site.type() == null ? null : site.type().field(field);
        return f == null ? null : LayerConfigJson.presentKey(site.config(), f);
    }
}
