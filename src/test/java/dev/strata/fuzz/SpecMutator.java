package dev.strata.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The structure-aware mutator behind the spec fuzzers (issue 14): real specs with deleted, duplicated and retyped
 * keys, extreme numbers, long and unicode names, truncations and random characters, nesting thousands deep,
 * cycles (a layer fed by itself or a later layer) and unknown layer classes. Case {@code i} of a run with
 * seed {@code s} depends on {@code (s, i)} alone, so any case (an abort in a child JVM included) replays by itself.
 */
final class SpecMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<JsonNode> EXTREMES = List.of(F.numberNode(0), F.numberNode(-1),
            F.numberNode(2147483648L), F.numberNode(Long.MAX_VALUE), F.numberNode(1e308), F.numberNode(-1e-320),
            F.textNode(""), F.textNode("\u00e9\u4e2d\ud83d\ude00 x/../y"), F.textNode("a".repeat(5000)), F.nullNode(),
            F.booleanNode(true), F.arrayNode(), F.objectNode(), F.numberNode(0.5), F.numberNode(Double.NaN),
            F.numberNode(1), F.numberNode(3));

    private final List<String> seeds;

    private SpecMutator(List<String> seeds) {
        this.seeds = seeds;
    }

    /** The project's own samples plus a few corpus files (merges, LSTMs, a CNN); paths from the repository root. */
    static SpecMutator standard() {
        return of(true);
    }

    /**
     * The same without the two-LSTM corpus model (256 units, 720k parameters), whose compile alone takes 10 to 30
     * seconds on a busy two-core machine: the compile stages use this set, read and check use {@link #standard}.
     */
    static SpecMutator quickToCompile() {
        return of(false);
    }

    static SpecMutator named(String set) {
        return of(!set.equals("quick"));
    }

    private static SpecMutator of(boolean withLstm) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("dsl-samples/json"))) {
            for (Path p : files.sorted().toList()) {
                out.add(Files.readString(p));
            }
            List<String> corpus = new ArrayList<>(List.of("dl4j-test-resources_keras1_cnn_W_regularizer.json",
                    "tfjs-layers-test_merge-add-two-inputs.json", "obesity-risk_keras370_dense_L2.json",
                    "tfjs-layers-test_lstm-two-inputs.json", "ml5-data-and-models_doodlenet.json"));
            if (!withLstm) {
                corpus.remove("tfjs-layers-test_lstm-two-inputs.json");
            }
            for (String name : corpus) {
                out.add(Files.readString(Path.of("../shared/keras-corpus").resolve(name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SpecMutator(out);
    }

    /** The unmutated specs. */
    List<String> seeds() {
        return seeds;
    }

    /** The mutated text of case {@code index} of a run with {@code seed}. */
    String input(long seed, long index) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        try {
            return mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the seeds are valid JSON; only they are parsed here
        }
    }

    private static String mutate(String text, SplittableRandom rnd) throws IOException {
        int kind = rnd.nextInt(13);
        if (kind >= 10) {
            return layerMutation(kind, JSON.readTree(text), rnd);
        }
        if (kind == 0) {
            return text.substring(0, rnd.nextInt(text.length())); // truncated
        }
        if (kind == 1) {
            char[] c = text.toCharArray();
            for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                c[rnd.nextInt(c.length)] = (char) rnd.nextInt(32, 0x3000);
            }
            return new String(c); // flipped characters
        }
        JsonNode root = JSON.readTree(text);
        for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers, 0);
            JsonNode target = containers.get(rnd.nextInt(containers.size()));
            if (target instanceof ObjectNode o && o.size() > 0) {
                List<String> keys = new ArrayList<>();
                o.fieldNames().forEachRemaining(keys::add);
                String key = keys.get(rnd.nextInt(keys.size()));
                switch (rnd.nextInt(4)) {
                    case 0 -> o.remove(key);
                    case 1 -> o.set(key, EXTREMES.get(rnd.nextInt(EXTREMES.size())));
                    case 2 -> o.set(key, o.get(key).deepCopy()); // duplicate value under the same key
                    default -> o.set(key, retype(o.get(key), rnd));
                }
            } else if (target instanceof ArrayNode a && a.size() > 0) {
                int at = rnd.nextInt(a.size());
                switch (rnd.nextInt(3)) {
                    case 0 -> a.remove(at);
                    case 1 -> a.insert(at, a.get(at).deepCopy()); // duplicated layer, dim or name
                    default -> a.set(at, EXTREMES.get(rnd.nextInt(EXTREMES.size())));
                }
            }
        }
        return JSON.writeValueAsString(root);
    }

    /** Deep nesting, a cycle (a layer fed by itself or a later layer), or an unknown layer class. */
    private static String layerMutation(int kind, JsonNode root, SplittableRandom rnd) throws IOException {
        List<ObjectNode> layers = new ArrayList<>();
        root.findValues("layers").forEach(l -> l.forEach(e -> {
            if (e instanceof ObjectNode o) {
                layers.add(o);
            }
        }));
        if (kind == 10 || layers.isEmpty()) {
            // Written as text: Jackson's writer refuses to nest past 1,000 levels, and readers must see deeper.
            StringBuilder open = new StringBuilder();
            StringBuilder close = new StringBuilder();
            for (int d = rnd.nextInt(50, 3000); d > 0; d--) {
                boolean array = rnd.nextBoolean();
                open.append(array ? "[" : "{\"config\":");
                close.append(array ? "]" : "}");
            }
            ObjectNode target = layers.isEmpty() ? (ObjectNode) root : layers.get(rnd.nextInt(layers.size()));
            target.put(rnd.nextBoolean() ? "config" : "inbound_nodes", "@@deep@@");
            return JSON.writeValueAsString(root).replace("\"@@deep@@\"", open + "1" + close);
        }
        int i = rnd.nextInt(layers.size());
        if (kind == 12) {
            layers.get(i).put("class_name", rnd.nextBoolean() ? "NoSuchLayer" : "Dense\u0000");
            return JSON.writeValueAsString(root);
        }
        int j = rnd.nextInt(i, layers.size());
        String inbound = JSON.writeValueAsString(layers.get(i).path("inbound_nodes"));
        String to = layers.get(j).path("config").path("name").asText(layers.get(j).path("name").asText());
        for (ObjectNode other : layers) {
            String name = other.path("config").path("name").asText(other.path("name").asText(""));
            if (!name.isEmpty() && inbound.contains("\"" + name + "\"")) {
                layers.get(i).set("inbound_nodes", JSON.readTree(inbound.replace("\"" + name + "\"",
                        "\"" + to + "\"")));
                break;
            }
        }
        return JSON.writeValueAsString(root);
    }

    private static JsonNode retype(JsonNode v, SplittableRandom rnd) {
        if (v.isNumber()) {
            return rnd.nextBoolean() ? F.textNode(v.asText()) : F.numberNode(-v.asDouble() * 1e9);
        }
        if (v.isTextual()) {
            return rnd.nextBoolean() ? F.numberNode(v.asText().length()) : F.textNode(v.asText() + "_x");
        }
        if (v.isArray()) {
            return v.size() > 0 ? v.get(0) : F.objectNode();
        }
        return F.arrayNode().add(v);
    }

    private static void collect(JsonNode n, List<JsonNode> out, int depth) {
        if (depth > 40) {
            return;
        }
        if (n.isContainerNode()) {
            out.add(n);
            n.elements().forEachRemaining(c -> collect(c, out, depth + 1));
        }
    }
}
