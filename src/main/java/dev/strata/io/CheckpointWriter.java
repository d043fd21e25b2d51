package dev.strata.io;

import dev.strata.graph.WeightSet;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/** Encodes a {@link Checkpoint} in the layout of {@link CheckpointFormat}, streaming the float data. */
final class CheckpointWriter {
    private static final int CHUNK_FLOATS = 16 * 1024;

    private CheckpointWriter() {
    }

    static void write(Checkpoint c, OutputStream out) throws IOException {
        byte[] head = payloadHead(c);
        long payload = head.length + entriesBytes(c.weights()) + entriesBytes(c.optimizerState());

        ByteBuffer header = ByteBuffer.allocate(CheckpointFormat.HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
        header.put(CheckpointFormat.MAGIC).putShort((short) CheckpointFormat.VERSION)
                .put(CheckpointFormat.kindByte(c.kind())).put((byte) 0).putLong(payload);
        header.putInt((int) crc(header.array(), CheckpointFormat.HEADER_CHECKED_BYTES));
        out.write(header.array());

        Counting body = new Counting(out);
        body.write(head);
        writeEntries(body, c.weights(), CheckpointFormat.ROLE_WEIGHT);
        writeEntries(body, c.optimizerState(), CheckpointFormat.ROLE_OPTIMIZER);
        if (body.count != payload) {
            throw new IllegalStateException("wrote " + body.count + " payload bytes, declared " + payload);
        }
        out.write(ByteBuffer.allocate(4).putInt((int) body.crc.getValue()).array());
    }

    private static byte[] payloadHead(Checkpoint c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeInt(c.epoch());
        d.writeLong(c.step());
        writeString(d, c.modelName(), "model name");
        d.writeInt(c.weights().entries().size() + c.optimizerState().entries().size());
        return bytes.toByteArray();
    }

    private static long entriesBytes(WeightSet set) {
        long n = 0;
        for (Map.Entry<String, WeightSet.Entry> e : set.entries().entrySet()) {
            n += 1 + 2 + utf8(e.getKey()).length + 1 + 8L * e.getValue().shape().length
                    + 4L * e.getValue().values().length;
        }
        return n;
    }

    private static void writeEntries(Counting out, WeightSet set, byte role) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_FLOATS * 4).order(ByteOrder.BIG_ENDIAN);
        for (Map.Entry<String, WeightSet.Entry> e : set.entries().entrySet()) {
            long[] shape = e.getValue().shape();
            if (shape.length > CheckpointFormat.MAX_RANK) {
                throw new IllegalArgumentException("'" + e.getKey() + "' has rank " + shape.length
                        + ", the format holds at most " + CheckpointFormat.MAX_RANK);
            }
            d.writeByte(role);
            writeString(d, e.getKey(), "weight name");
            d.writeByte(shape.length);
            for (long dim : shape) {
                d.writeLong(dim);
            }
            d.flush();
            float[] values = e.getValue().values();
            for (int from = 0; from < values.length; from += CHUNK_FLOATS) {
                int n = Math.min(CHUNK_FLOATS, values.length - from);
                chunk.clear();
                // FloatBuffer.put keeps raw bits (floatToRawIntBits): NaN payloads survive the round trip.
                chunk.asFloatBuffer().put(values, from, n);
                out.write(chunk.array(), 0, n * 4);
            }
        }
        d.flush();
    }

    private static void writeString(DataOutputStream d, String s, String what) throws IOException {
        byte[] b = utf8(s);
        if (b.length > CheckpointFormat.MAX_NAME_BYTES) {
            throw new IllegalArgumentException(what + " is " + b.length + " UTF-8 bytes, the format holds at most "
                    + CheckpointFormat.MAX_NAME_BYTES);
        }
        d.writeShort(b.length);
        d.write(b);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    /** Counts and checksums the payload as it passes, without buffering it. */
    private static final class Counting extends OutputStream {
        private final OutputStream out;
        private final CRC32 crc = new CRC32();
        private long count;

        Counting(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
