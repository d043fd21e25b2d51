package dev.strata.io;

import dev.strata.graph.WeightSet;
import dev.strata.io.CheckpointException.Reason;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Decodes a file of {@link CheckpointFormat}. Checks run from the cheapest to the most specific, so each kind
 * of damage gets its own message: magic, header checksum, version, exact file length, payload checksum, and
 * only then the structure, with every length bounded by the bytes left before anything is allocated.
 */
final class CheckpointReader {
    private static final int CHUNK = 64 * 1024;

    private final Path file;

    private CheckpointReader(Path file) {
        this.file = file;
    }

    static Checkpoint read(Path file) {
        return new CheckpointReader(file).read();
    }

    private Checkpoint read() {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer header = ByteBuffer.allocate(CheckpointFormat.HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
            int got = readFully(ch, header, 0);
            checkMagic(header.array(), got);
            if (got < CheckpointFormat.HEADER_BYTES) {
                throw fail(Reason.TRUNCATED, "the file is " + got + " bytes long, shorter than the "
                        + CheckpointFormat.HEADER_BYTES + "-byte header");
            }
            long headerCrc = CheckpointWriter.crc(header.array(), CheckpointFormat.HEADER_CHECKED_BYTES);
            if ((int) headerCrc != header.getInt(CheckpointFormat.HEADER_CHECKED_BYTES)) {
                throw fail(Reason.CORRUPT, "header checksum mismatch: the header was damaged");
            }
            int version = Short.toUnsignedInt(header.getShort(8));
            if (version != CheckpointFormat.VERSION) {
                throw fail(Reason.UNSUPPORTED_VERSION, "format version " + version + "; this Strata reads version "
                        + CheckpointFormat.VERSION);
            }
            Checkpoint.Kind kind = kind(header.get(10));
            if (header.get(11) != 0) {
                throw fail(Reason.CORRUPT, "unknown flags " + header.get(11));
            }
            long payload = header.getLong(12);
            long overhead = CheckpointFormat.HEADER_BYTES + CheckpointFormat.TRAILER_BYTES;
            if (payload < 0 || payload > Long.MAX_VALUE - overhead) {
                throw fail(Reason.CORRUPT, "impossible payload length " + payload);
            }
            long expected = payload + overhead;
            if (size < expected) {
                throw fail(Reason.TRUNCATED, "the file is " + size + " bytes long but its header declares " + expected
                        + " (" + (expected - size) + " bytes missing)");
            }
            if (size > expected) {
                throw fail(Reason.CORRUPT, (size - expected) + " unexpected bytes after the end of the checkpoint");
            }
            checkPayloadCrc(ch, payload);
            ch.position(CheckpointFormat.HEADER_BYTES);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch), CHUNK));
            return new Payload(in, payload).parse(kind);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, Reason.IO, "no such file", e);
        } catch (EOFException e) {
            // The length check above makes this unreachable unless the file shrinks while it is read.
            throw new CheckpointException(file, Reason.TRUNCATED, "the file ended while it was read", e);
        } catch (IOException e) {
            throw new CheckpointException(file, Reason.IO, "cannot read: " + e, e);
        }
    }

    private void checkMagic(byte[] header, int got) {
        int n = Math.min(got, CheckpointFormat.MAGIC.length);
        if (!Arrays.equals(header, 0, n, CheckpointFormat.MAGIC, 0, n)) {
            throw fail(Reason.NOT_A_CHECKPOINT, "not a Strata checkpoint (it does not start with \"STRATACK\")");
        }
        if (got == 0) {
            throw fail(Reason.TRUNCATED, "the file is empty");
        }
    }

    private Checkpoint.Kind kind(byte b) {
        return switch (b) {
            case CheckpointFormat.KIND_WEIGHTS -> Checkpoint.Kind.WEIGHTS;
            case CheckpointFormat.KIND_TRAINING_STATE -> Checkpoint.Kind.TRAINING_STATE;
            default -> throw fail(Reason.CORRUPT, "unknown kind " + b);
        };
    }

    private void checkPayloadCrc(FileChannel ch, long payload) throws IOException {
        CRC32 crc = new CRC32();
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        long pos = CheckpointFormat.HEADER_BYTES;
        long end = pos + payload;
        while (pos < end) {
            buf.clear().limit((int) Math.min(CHUNK, end - pos));
            int n = readFully(ch, buf, pos);
            if (n < buf.limit()) {
                throw new EOFException();
            }
            buf.flip();
            crc.update(buf);
            pos += n;
        }
        ByteBuffer stored = ByteBuffer.allocate(4);
        if (readFully(ch, stored, end) < 4) {
            throw new EOFException();
        }
        int want = stored.getInt(0);
        if (want != (int) crc.getValue()) {
            throw fail(Reason.CORRUPT, String.format("payload checksum mismatch (stored %08x, computed %08x): the "
                    + "file was damaged after it was written", want, (int) crc.getValue()));
        }
    }

    private static int readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private CheckpointException fail(Reason reason, String message) {
        return new CheckpointException(file, reason, message);
    }

    /** The payload parser; {@code left} bounds every length before it is trusted. */
    private final class Payload {
        private final DataInputStream in;
        private long left;

        Payload(DataInputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        Checkpoint parse(Checkpoint.Kind kind) throws IOException {
            take(12);
            int epoch = in.readInt();
            long step = in.readLong();
            String modelName = string("model name");
            take(4);
            int count = in.readInt();
            if (count < 0) {
                throw corrupt("negative entry count " + count);
            }
            Map<String, WeightSet.Entry> weights = new LinkedHashMap<>();
            Map<String, WeightSet.Entry> optimizer = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                take(1);
                int role = in.readUnsignedByte();
                String name = string("name of entry " + i);
                long[] shape = shape(name);
                float[] values = floats(name, shape);
                if (weights.containsKey(name) || optimizer.containsKey(name)) {
                    throw corrupt("entry '" + name + "' appears twice");
                }
                switch (role) {
                    case CheckpointFormat.ROLE_WEIGHT -> weights.put(name, new WeightSet.Entry(shape, values));
                    case CheckpointFormat.ROLE_OPTIMIZER -> optimizer.put(name, new WeightSet.Entry(shape, values));
                    default -> throw corrupt("entry '" + name + "' has unknown role " + role);
                }
            }
            if (left != 0) {
                throw corrupt(left + " bytes left over after the last entry");
            }
            if (epoch < -1 || step < 0) {
                throw corrupt("impossible epoch " + epoch + " or step " + step);
            }
            if (kind == Checkpoint.Kind.WEIGHTS && !optimizer.isEmpty()) {
                throw corrupt("a weights-only file holds optimizer state " + optimizer.keySet());
            }
            return new Checkpoint(kind, epoch, step, modelName, new WeightSet(weights), new WeightSet(optimizer));
        }

        private String string(String what) throws IOException {
            take(2);
            int n = in.readUnsignedShort();
            take(n);
            byte[] b = in.readNBytes(n);
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                throw corrupt(what + " is not valid UTF-8");
            }
        }

        private long[] shape(String name) throws IOException {
            take(1);
            int rank = in.readUnsignedByte();
            if (rank > CheckpointFormat.MAX_RANK) {
                throw corrupt("entry '" + name + "' has rank " + rank + ", more than " + CheckpointFormat.MAX_RANK);
            }
            take(8L * rank);
            long[] shape = new long[rank];
            long elements = 1;
            for (int d = 0; d < rank; d++) {
                shape[d] = in.readLong();
                if (shape[d] < 0 || (shape[d] > 0 && elements > Integer.MAX_VALUE / shape[d])) {
                    throw corrupt("entry '" + name + "' has impossible shape " + Arrays.toString(Arrays.copyOf(shape,
                            d + 1)));
                }
                elements *= shape[d];
            }
            return shape;
        }

        private float[] floats(String name, long[] shape) throws IOException {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (4 * n > left) {
                throw corrupt("entry '" + name + "' of shape " + Arrays.toString(shape) + " needs " + 4 * n
                        + " bytes but only " + left + " are left");
            }
            take(4 * n);
            float[] values = new float[(int) n];
            byte[] chunk = new byte[(int) Math.min(CHUNK, 4 * n)];
            for (int from = 0; from < values.length; ) {
                int count = Math.min(chunk.length / 4, values.length - from);
                in.readFully(chunk, 0, count * 4);
                ByteBuffer.wrap(chunk, 0, count * 4).order(ByteOrder.BIG_ENDIAN).asFloatBuffer()
                        .get(values, from, count);
                from += count;
            }
            return values;
        }

        private void take(long bytes) {
            if (bytes > left) {
                throw corrupt("a field runs past the end of the payload");
            }
            left -= bytes;
        }

        private CheckpointException corrupt(String message) {
            return fail(Reason.CORRUPT, message);
        }
    }
}
