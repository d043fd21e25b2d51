package dev.strata.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * TFRecord framing, the container of TensorFlow event files: a little-endian uint64 length, the masked CRC32C
 * of those 8 bytes, the data, the masked CRC32C of the data. A record is built whole in memory so that it is
 * always handed to the file in one write: a run that dies between writes leaves only whole records behind.
 */
final class TfRecords {
    /** The constant TensorFlow adds to a rotated CRC (see {@code tensorflow/core/lib/hash/crc32c.h}). */
    private static final int MASK_DELTA = 0xa282ead8;

    private TfRecords() {
    }

    /** One framed record holding {@code data}. */
    static byte[] frame(byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + data.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(data.length);
        b.putInt(maskedCrc(b.array(), 0, 8));
        b.put(data);
        b.putInt(maskedCrc(data, 0, data.length));
        return b.array();
    }

    /**
     * TensorFlow's masked CRC32C: the checksum rotated right by 15 bits plus a constant, so that a CRC stored
     * inside checksummed data does not make the outer checksum degenerate.
     */
    static int maskedCrc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + MASK_DELTA;
    }
}
