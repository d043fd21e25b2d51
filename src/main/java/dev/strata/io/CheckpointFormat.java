package dev.strata.io;

import java.nio.charset.StandardCharsets;

/**
 * Layout of Strata checkpoint and weights files, format version 1. All integers are big-endian (Java's
 * {@code DataOutput}), floats are IEEE 754 binary32 written bit for bit, so NaN payloads and signed zeros
 * survive and a restored run continues with exactly the same numbers.
 *
 * <pre>
 * header, 24 bytes; this layout is fixed for every version so any reader can tell damage from a newer format
 *   0   8  magic        "STRATACK"
 *   8   2  version      1
 *  10   1  kind         1 = weights, 2 = training state
 *  11   1  flags        0 (reserved)
 *  12   8  payload length P, in bytes
 *  20   4  CRC-32 of bytes 0..19
 * payload, P bytes
 *      4  epoch        completed epochs, -1 if unknown
 *      8  step         optimizer steps taken
 *      2+n model name  u16 byte count n, then UTF-8
 *      4  entry count  N
 *      N entries:
 *        1    role     0 = weight, 1 = optimizer state (slots, learning rate)
 *        2+n  name     u16 byte count n, then UTF-8, for example "dense_1/kernel"
 *        1    rank     r, at most 32
 *        8r   dims     each >= 0
 *        4k   values   k = product of dims, row-major
 * trailer
 *      4  CRC-32 of the payload
 * </pre>
 *
 * Not Java serialization: the file is a plain, versioned byte layout, readable from any language, and reading
 * it executes nothing. A reader checks the header, then that the file is exactly 24 + P + 4 bytes (shorter means
 * truncated), then the payload checksum, and only then parses, bounding every length by the bytes left.
 */
final class CheckpointFormat {
    static final byte[] MAGIC = "STRATACK".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_BYTES = 24;
    /** Bytes of the header covered by the header checksum. */
    static final int HEADER_CHECKED_BYTES = 20;
    static final int TRAILER_BYTES = 4;
    static final int MAX_RANK = 32;
    static final int MAX_NAME_BYTES = 0xFFFF;

    static final byte KIND_WEIGHTS = 1;
    static final byte KIND_TRAINING_STATE = 2;
    static final byte ROLE_WEIGHT = 0;
    static final byte ROLE_OPTIMIZER = 1;

    private CheckpointFormat() {
    }

    static byte kindByte(Checkpoint.Kind kind) {
        return kind == Checkpoint.Kind.WEIGHTS ? KIND_WEIGHTS : KIND_TRAINING_STATE;
    }
}
