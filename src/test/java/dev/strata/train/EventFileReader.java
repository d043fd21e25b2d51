package dev.strata.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.tensorflow.proto.Event;

/**
 * Reads a TensorFlow event file back for the tests, independently of the writer's framing code: each record's
 * length, both masked CRC32Cs (recomputed here from the spec, not with {@link TfRecords}) and the Event proto.
 * Any mismatch, a short record or trailing bytes fail loudly.
 */
final class EventFileReader {
    private EventFileReader() {
    }

    static List<Event> read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    static List<Event> parse(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Event> events = new ArrayList<>();
        while (b.hasRemaining()) {
            if (b.remaining() < 12) {
                throw new IOException("truncated record header at byte " + b.position());
            }
            int start = b.position();
            long length = b.getLong();
            int lengthCrc = b.getInt();
            if (lengthCrc != masked(bytes, start, 8)) {
                throw new IOException("length CRC mismatch at byte " + start);
            }
            if (length < 0 || b.remaining() < length + 4) {
                throw new IOException("truncated record data at byte " + start);
            }
            int dataStart = b.position();
            b.position(dataStart + (int) length);
            int dataCrc = b.getInt();
            if (dataCrc != masked(bytes, dataStart, (int) length)) {
                throw new IOException("data CRC mismatch at byte " + dataStart);
            }
            events.add(Event.parseFrom(ByteBuffer.wrap(bytes, dataStart, (int) length)));
        }
        return events;
    }

    private static int masked(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        long c = crc.getValue();
        long rotated = ((c >>> 15) | (c << 17)) & 0xffffffffL;
        return (int) ((rotated + 0xa282ead8L) & 0xffffffffL);
    }
}
