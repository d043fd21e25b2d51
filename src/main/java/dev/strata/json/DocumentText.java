package dev.strata.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One rule for a model document however it arrives: its text is Unicode, bytes are strict UTF-8, and a string
 * may not hold an unpaired surrogate (what no UTF-8 file decodes to). {@code read(Path)} used to refuse invalid
 * UTF-8 with a bare {@code MalformedInputException}, {@code read(InputStream)} replaced it with U+FFFD and
 * {@code read(String)} took lone surrogates. Every breach is a {@link JsonSpecException} of kind SYNTAX.
 * The writer keeps within the default reader's limits, so what Strata writes Strata reads.
 */
final class DocumentText {
    private DocumentText() {
    }

    /** {@code bytes} decoded as strict UTF-8. */
    static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // never more chars than bytes in UTF-8
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new JsonSpecException(JsonSpecException.Kind.SYNTAX, "$", String.format(Locale.ROOT,
                    "the document is not valid UTF-8: byte 0x%02X at offset %d starts no character", bytes[at] & 0xFF,
                    at), "encoding", source, line, at - lineStart + 1, null);
        }
        return out.flip().toString();
    }

    /** Refuses a string holding an unpaired surrogate, which no UTF-8 document decodes to. */
    static void requireUnicode(String json, String source) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new JsonSpecException(JsonSpecException.Kind.SYNTAX, "$", String.format(Locale.ROOT,
                        "the document is not valid Unicode: an unpaired surrogate U+%04X at offset %d (no UTF-8 "
                                + "file holds one)", (int) c, i), "encoding", source, line, i - lineStart + 1, null);
            }
        }
    }

    /** Refuses to write what a reader with default limits would refuse to read. */
    static String checkWritable(String json, JsonNode root) {
        ReaderLimits limits = ReaderLimits.defaults();
        if (json.length() > limits.maxDocumentChars()) {
            throw new JsonSpecException(JsonSpecException.Kind.TOO_LARGE, "$", String.format(Locale.ROOT,
                    "the written document would have %,d characters, more than a reader with default limits reads "
                            + "(%,d, ReaderLimits.maxDocumentChars)", json.length(), limits.maxDocumentChars()),
                    "document size", null, 0, 0, null);
        }
        int depth = depth(root, 0, limits.maxNestingDepth());
        if (depth > limits.maxNestingDepth()) {
            throw new JsonSpecException(JsonSpecException.Kind.TOO_LARGE, "$", String.format(Locale.ROOT,
                    "the written document would nest deeper than a reader with default limits reads (%d, "
                            + "ReaderLimits.maxNestingDepth)", limits.maxNestingDepth()), "nesting depth", null, 0, 0,
                    null);
        }
        return json;
    }

    /** Nesting depth of {@code n}, counting stops past {@code max}. */
    private static int depth(JsonNode n, int above, int max) {
        if (!n.isContainerNode() || above > max) {
            return above;
        }
        int deepest = above + 1;
        for (JsonNode child : n) {
            deepest = Math.max(deepest, depth(child, above + 1, max));
        }
        return deepest;
    }
}
