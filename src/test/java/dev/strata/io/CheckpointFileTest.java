package dev.strata.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.graph.WeightSet;
import dev.strata.io.CheckpointException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file format alone: exact round trips, and a typed error for every truncation and every damaged byte. */
class CheckpointFileTest {
    @TempDir
    Path dir;

    /** Odd values on purpose: NaN with a payload, -0, infinities, a subnormal, a scalar and an empty tensor. */
    private static Checkpoint sample() {
        Map<String, WeightSet.Entry> w = new LinkedHashMap<>();
        w.put("dense/kernel", new WeightSet.Entry(new long[] {2, 3}, new float[] {1.5f, -0f,
                Float.intBitsToFloat(0x7fc0_1234), Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE}));
        w.put("dense/bias", new WeightSet.Entry(new long[] {3}, new float[] {0.25f, -1f, 3e-38f}));
        w.put("dense/empty", new WeightSet.Entry(new long[] {0, 4}, new float[0]));
        Map<String, WeightSet.Entry> o = new LinkedHashMap<>();
        o.put("optimizer/dense/kernel/m", new WeightSet.Entry(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}));
        o.put("optimizer/learning_rate", new WeightSet.Entry(new long[0], new float[] {0.001f}));
        return new Checkpoint(Checkpoint.Kind.TRAINING_STATE, 7, 123_456_789_012L, "modèle", new WeightSet(w),
                new WeightSet(o));
    }

    private Path written() {
        Path file = dir.resolve("sample.ckpt");
        Checkpoints.write(sample(), file);
        return file;
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    @Test
    void roundTripKeepsEveryFieldAndEveryBit() {
        Checkpoint in = sample();
        Checkpoint out = Checkpoints.read(written());
        assertEquals(Checkpoint.Kind.TRAINING_STATE, out.kind());
        assertEquals(7, out.epoch());
        assertEquals(123_456_789_012L, out.step());
        assertEquals("modèle", out.modelName());
        assertEquals(List.copyOf(in.weights().entries().keySet()), List.copyOf(out.weights().entries().keySet()));
        assertEquals(in.optimizerState().entries().keySet(), out.optimizerState().entries().keySet());
        in.trainingState().entries().forEach((name, e) -> {
            WeightSet.Entry got = out.trainingState().get(name);
            assertArrayEquals(e.shape(), got.shape(), name);
            assertArrayEquals(bits(e.values()), bits(got.values()), name);
        });
        assertEquals(0x7fc0_1234, Float.floatToRawIntBits(out.weights().values("dense/kernel")[2]));
    }

    @Test
    void fileSizeIsHeaderPlusPayloadPlusTrailer() throws IOException {
        // 24 header + (4 epoch + 8 step + 2+7 name + 4 count) + entries + 4 trailer.
        long entries = (1 + 2 + 12 + 1 + 16 + 24) + (1 + 2 + 10 + 1 + 8 + 12) + (1 + 2 + 11 + 1 + 16)
                + (1 + 2 + 24 + 1 + 16 + 24) + (1 + 2 + 23 + 1 + 4);
        assertEquals(24 + 25 + entries + 4, Files.size(written()));
        byte[] b = Files.readAllBytes(written());
        assertEquals("STRATACK", new String(b, 0, 8, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1, ByteBuffer.wrap(b).getShort(8));
        assertEquals(2, b[10]);
    }

    @Test
    void truncationAtEveryByteIsReportedAsTruncated() throws IOException {
        byte[] full = Files.readAllBytes(written());
        Path cut = dir.resolve("cut.ckpt");
        for (int length = 0; length < full.length; length++) {
            Files.write(cut, java.util.Arrays.copyOf(full, length));
            CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.read(cut),
                    "truncated to " + length);
            assertEquals(Reason.TRUNCATED, e.reason(), "truncated to " + length + ": " + e.getMessage());
            assertEquals(cut, e.file());
            assertTrue(e.getMessage().contains("cut.ckpt"), e.getMessage());
        }
    }

    @Test
    void everyFlippedByteIsDetected() throws IOException {
        byte[] full = Files.readAllBytes(written());
        Path bad = dir.resolve("bad.ckpt");
        for (int at = 0; at < full.length; at++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                byte[] b = full.clone();
                b[at] ^= (byte) mask;
                Files.write(bad, b);
                int offset = at;
                CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.read(bad),
                        "byte " + offset + " ^ " + mask);
                Reason want = at < 8 ? Reason.NOT_A_CHECKPOINT : Reason.CORRUPT;
                assertEquals(want, e.reason(), "byte " + at + " ^ " + mask + ": " + e.getMessage());
            }
        }
    }

    @Test
    void trailingBytesAreCorruption() throws IOException {
        Path file = written();
        Files.write(file, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.read(file));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("1 unexpected bytes"), e.getMessage());
    }

    @Test
    void otherFilesAreNotCheckpoints() throws IOException {
        Path png = dir.resolve("plot.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        assertEquals(Reason.NOT_A_CHECKPOINT, assertThrows(CheckpointException.class,
                () -> Checkpoints.read(png)).reason());
        CheckpointException missing = assertThrows(CheckpointException.class,
                () -> Checkpoints.read(dir.resolve("nope.ckpt")));
        assertEquals(Reason.IO, missing.reason());
        assertTrue(missing.getMessage().contains("nope.ckpt: no such file"), missing.getMessage());
    }

    @Test
    void aNewerFormatVersionIsNamedAsSuch() throws IOException {
        byte[] b = Files.readAllBytes(written());
        ByteBuffer.wrap(b).putShort(8, (short) 2);
        resealHeader(b);
        Path newer = dir.resolve("newer.ckpt");
        Files.write(newer, b);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.read(newer));
        assertEquals(Reason.UNSUPPORTED_VERSION, e.reason());
        assertTrue(e.getMessage().contains("format version 2; this Strata reads version 1"), e.getMessage());
    }

    /**
     * A file whose checksums are right but whose lengths lie (a buggy or hostile writer) fails on the lie, and
     * allocates nothing for it: the huge dimension is checked against the bytes left first.
     */
    @Test
    void lyingLengthsWithValidChecksumsAreRejectedBeforeAllocating() throws IOException {
        byte[] b = Files.readAllBytes(written());
        // First entry: payload head is 25 bytes, then role(1), name length(2) + "dense/kernel"(12), rank(1), dims.
        int firstDim = 24 + 25 + 1 + 2 + 12 + 1;
        ByteBuffer.wrap(b).putLong(firstDim, 1L << 40);
        resealPayload(b);
        Path liar = dir.resolve("liar.ckpt");
        Files.write(liar, b);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.read(liar));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("dense/kernel"), e.getMessage());

        byte[] c = Files.readAllBytes(written());
        ByteBuffer.wrap(c).putInt(24 + 21, 1000);
        resealPayload(c);
        Files.write(liar, c);
        assertEquals(Reason.CORRUPT, assertThrows(CheckpointException.class, () -> Checkpoints.read(liar)).reason());
    }

    @Test
    void aWeightsFileHoldingOptimizerStateIsRejected() throws IOException {
        byte[] b = Files.readAllBytes(written());
        b[10] = 1;
        resealHeader(b);
        Path file = dir.resolve("mixed.ckpt");
        Files.write(file, b);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.read(file));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("optimizer/learning_rate"), e.getMessage());
    }

    private static void resealHeader(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b, 0, 20);
        ByteBuffer.wrap(b).putInt(20, (int) crc.getValue());
    }

    private static void resealPayload(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b, 24, b.length - 28);
        ByteBuffer.wrap(b).putInt(b.length - 4, (int) crc.getValue());
    }
}
