package dev.strata.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.graph.GraphCompiler;
import dev.strata.json.ModelJson;
import dev.strata.json.ReadResult;
import dev.strata.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A structure-aware fuzzer over JSON specs (issue 14): mutated real specs (deleted, duplicated and retyped keys,
 * extreme numbers, long and unicode names, truncations, random bytes) go through read and the spec-level check
 * in-process, where no native code runs. Every case must end in success or one of Strata's typed errors
 * ({@link SpecException}); anything else is an untyped failure and fails the test with the mutated input. Fixed
 * seed, so a failure reproduces; a bounded budget (the suite's share is a few seconds).
 */
class SpecFuzzTest {
    private static final int CASES = 2000;
    private static final long SEED = 20261128L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<JsonNode> EXTREMES = List.of(F.numberNode(0), F.numberNode(-1),
            F.numberNode(2147483648L), F.numberNode(Long.MAX_VALUE), F.numberNode(1e308), F.numberNode(-1e-320),
            F.textNode(""), F.textNode("\u00e9\u4e2d\ud83d\ude00 x/../y"), F.textNode("a".repeat(5000)), F.nullNode(),
            F.booleanNode(true), F.arrayNode(), F.objectNode(), F.numberNode(0.5));

    private static List<String> seeds() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("dsl-samples/json"))) {
            for (Path p : files.sorted().toList()) {
                out.add(Files.readString(p));
            }
        }
        for (String name : List.of("dl4j-test-resources_keras1_cnn_W_regularizer.json",
                "tfjs-layers-test_merge-add-two-inputs.json", "obesity-risk_keras370_dense_L2.json",
                "tfjs-layers-test_lstm-two-inputs.json", "ml5-data-and-models_doodlenet.json")) {
            out.add(Files.readString(Path.of("../shared/keras-corpus").resolve(name)));
        }
        return out;
    }

    @Test
    void everyMutatedSpecEndsInSuccessOrATypedError() throws IOException {
        List<String> seeds = seeds();
        SplittableRandom rnd = new SplittableRandom(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> untyped = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String input = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
            String outcome;
            try {
                ReadResult r = ModelJson.read(input);
                GraphCompiler.check(r.spec());
                outcome = "ok";
            } catch (SpecException e) {
                outcome = "typed " + e.getClass().getSimpleName();
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                outcome = "untyped " + e.getClass().getSimpleName();
                if (untyped.size() < 5) {
                    untyped.add(e + "\n  at " + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?")
                            + "\n  input: " + input.substring(0, Math.min(input.length(), 400)));
                }
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.println("[fuzz] " + CASES + " cases: " + outcomes);
        assertEquals(List.of(), untyped, "untyped failures (first 5 of " + outcomes + ")");
        assertTrue(outcomes.getOrDefault("ok", 0) > CASES / 20, "mutations too destructive to reach check: "
                + outcomes);
    }

    private static String mutate(String text, SplittableRandom rnd) throws IOException {
        int kind = rnd.nextInt(10);
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
                    case 2 -> o.set(key, o.get(key).deepCopy()).getClass(); // duplicate value under the same key
                    default -> o.set(key, retype(o.get(key), rnd));
                }
            } else if (target instanceof ArrayNode a && a.size() > 0) {
                int at = rnd.nextInt(a.size());
                switch (rnd.nextInt(3)) {
                    case 0 -> a.remove(at);
                    case 1 -> a.insert(at, a.get(at).deepCopy());
                    default -> a.set(at, EXTREMES.get(rnd.nextInt(EXTREMES.size())));
                }
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
