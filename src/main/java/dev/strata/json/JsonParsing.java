package dev.strata.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Jackson set up for untrusted documents: bounded size, depth and strings, duplicate keys refused, and
 * Python's {@code NaN}/{@code Infinity} accepted as numbers so that the spec checks can name them. Locations
 * are recovered on demand by re-reading the text, so the happy path pays nothing for them.
 */
final class JsonParsing {
    private final JsonFactory factory;
    private final ObjectMapper mapper;

    JsonParsing(ReaderLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxDocumentLength(limits.maxDocumentChars())
                .maxStringLength(limits.maxStringChars())
                .maxNumberLength(100)
                .maxNameLength(10_000)
                .build();
        this.factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    JsonNode parse(String text, String source) {
        try {
            JsonNode root = mapper.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new JsonSpecException(JsonSpecException.Kind.SYNTAX, "$", "the document is empty", null, source,
                        0, 0, null);
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String path = e.getProcessor() instanceof JsonParser p ? pathOf(p.getParsingContext()) : "$";
            JsonSpecException.Kind kind = e instanceof StreamConstraintsException
                    ? JsonSpecException.Kind.TOO_LARGE : JsonSpecException.Kind.SYNTAX;
            String problem = (kind == JsonSpecException.Kind.TOO_LARGE ? "over a reader limit: " : "malformed JSON: ")
                    + e.getOriginalMessage();
            throw new JsonSpecException(kind, path, problem, null, source, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), e);
        }
    }

    /** The JSONPath of the parser's position, built as {@link JsonStreamContext#pathAsPointer()} is. */
    private static String pathOf(JsonStreamContext ctx) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(0, c);
        }
        JsonPath path = JsonPath.ROOT;
        for (JsonStreamContext c : chain) {
            if (c.inObject() && c.getCurrentName() != null) {
                path = path.key(c.getCurrentName());
            } else if (c.inArray() && c.hasCurrentIndex()) {
                path = path.index(c.getCurrentIndex());
            }
        }
        return path.toString();
    }

    /** Line and column of the value at {@code path}, or of its nearest ancestor that exists; {0, 0} if none. */
    int[] locate(String text, JsonPath path) {
        for (JsonPath p = path; p != null; p = p.parent()) {
            int[] found = find(text, p.toPointer());
            if (found != null) {
                return found;
            }
        }
        return new int[] {0, 0};
    }

    private int[] find(String text, JsonPointer target) {
        try (JsonParser parser = factory.createParser(text)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (parser.getParsingContext().pathAsPointer().equals(target)) {
                    JsonLocation at = parser.currentTokenLocation();
                    return new int[] {at.getLineNr(), at.getColumnNr()};
                }
            }
        } catch (IOException e) {
            return null; // the text parsed once already; a failure here only costs the location
        }
        return null;
    }
}
