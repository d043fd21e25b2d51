package dev.strata.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.json.JsonSpecException.Kind;
import dev.strata.spec.Sequential;
import dev.strata.spec.layers.Dense;
import dev.strata.spec.layers.Dropout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One encoding rule for a model document however it arrives, one typed error for breaking it, and a writer that
 * stays within the reader's limits. The fuzz run behind issue 15 found {@code read(Path)} refusing invalid UTF-8
 * (with a bare {@code MalformedInputException}) that the other entry points took, and {@code write} producing a
 * document of 100,000 Dropout layers that {@code read} refused.
 */
class DocumentRulesTest {
    private static final String DOC = """
            {"class_name": "Sequential", "config": {"name": "NAME", "layers": [
              {"class_name": "InputLayer", "config": {"batch_shape": [null, 3]}},
              {"class_name": "Dense", "config": {"name": "d", "units": 2}}]}}
            """;

    @TempDir
    Path dir;

    private static byte[] withBadByte() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] parts = DOC.split("NAME");
        out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        out.write('m');
        out.write(0xFF); // never part of UTF-8
        out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void invalidUtf8IsTheSameTypedErrorFromAFileAndAStream() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.write(file, withBadByte());
        JsonSpecException fromFile = assertThrows(JsonSpecException.class, () -> ModelJson.read(file));
        JsonSpecException fromStream = assertThrows(JsonSpecException.class,
                () -> ModelJson.read(new ByteArrayInputStream(withBadByte())));
        for (JsonSpecException e : new JsonSpecException[] {fromFile, fromStream}) {
            assertEquals(Kind.SYNTAX, e.kind());
            assertEquals("the document is not valid UTF-8: byte 0xFF at offset 50 starts no character", e.problem());
            assertEquals(1, e.line());
        }
        assertTrue(fromFile.getMessage().startsWith("bad.json:1:51: $: "), fromFile.getMessage());
    }

    @Test
    void anUnpairedSurrogateInAStringIsRefusedAlike() {
        JsonSpecException e = assertThrows(JsonSpecException.class,
                () -> ModelJson.read(DOC.replace("NAME", "m\uD800")));
        assertEquals(Kind.SYNTAX, e.kind());
        assertEquals("the document is not valid Unicode: an unpaired surrogate U+D800 at offset 50 (no UTF-8 file "
                + "holds one)", e.problem());
    }

    @Test
    void validUnicodeReadsTheSameEveryWay() throws Exception {
        String doc = DOC.replace("NAME", "modèle_\uD83D\uDE00");
        Path file = dir.resolve("ok.json");
        Files.writeString(file, doc, StandardCharsets.UTF_8);
        String name = ModelJson.read(doc).spec().name();
        assertEquals("modèle_\uD83D\uDE00", name);
        assertEquals(name, ModelJson.read(file).spec().name());
        assertEquals(name, ModelJson.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)))
                .spec().name());
    }

    @Test
    void theWriterRefusesWhatTheReaderWouldRefuse() {
        // 100,000 Dropout layers: compact, the document fits the default limit; as written, it would not.
        StringBuilder doc = new StringBuilder("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"long\", "
                + "\"layers\": [{\"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": [null, 4]}}");
        for (int i = 0; i < 100_000; i++) {
            doc.append(",{\"class_name\":\"Dropout\",\"config\":{\"name\":\"r").append(i).append("\",\"rate\":0.1}}");
        }
        doc.append("]}}");
        var spec = ModelJson.read(doc.toString()).spec();
        JsonSpecException e = assertThrows(JsonSpecException.class, () -> ModelJson.write(spec));
        assertEquals(Kind.TOO_LARGE, e.kind());
        assertTrue(e.problem().endsWith("more than a reader with default limits reads (16,777,216, "
                + "ReaderLimits.maxDocumentChars)"), e.problem());
        String small = ModelJson.write(Sequential.named("short").input(4).add(Dropout.rate(0.1)).add(Dense.units(1)));
        assertEquals("short", ModelJson.read(small).spec().name());
    }
}
