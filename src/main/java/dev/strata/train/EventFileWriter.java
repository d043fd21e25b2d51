package dev.strata.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.SourceMetadata;

/**
 * One TensorFlow event file, named as TensorFlow 2's summary writer names it
 * ({@code events.out.tfevents.<seconds>.<hostname>.<pid>.<n>.v2}) and starting with the
 * {@code file_version: "brain.Event:2"} record.
 *
 * <p>Records wait in memory and go to the file on {@link #flush()}: the file is opened for appending, written
 * in one call and closed again. No file handle outlives a call, so a {@code fit} that fails without reaching
 * {@code onTrainEnd} leaks nothing, and the file on disk only ever holds whole records.
 */
final class EventFileWriter {
    /** Flush early past this much pending data, so batch-level summaries of a long epoch do not pile up. */
    private static final int FLUSH_BYTES = 1 << 20;
    /** The per-process counter TensorFlow puts in the name, keeping two writers of one second apart. */
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Path file;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private EventFileWriter(Path file) {
        this.file = file;
    }

    /** Creates {@code dir} when needed and a new event file in it holding the version record. */
    static EventFileWriter create(Path dir) {
        try {
            Files.createDirectories(dir);
            long millis = System.currentTimeMillis();
            String name = String.format(Locale.ROOT, "events.out.tfevents.%010d.%s.%d.%d.v2", millis / 1000,
                    hostname(), ProcessHandle.current().pid(), COUNTER.getAndIncrement());
            EventFileWriter w = new EventFileWriter(dir.resolve(name));
            w.write(Event.newBuilder().setWallTime(millis / 1000.0).setFileVersion("brain.Event:2")
                    .setSourceMetadata(SourceMetadata.newBuilder().setWriter("dev.strata.train.TensorBoard"))
                    .build());
            w.flush();
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("TensorBoard cannot write to " + dir, e);
        }
    }

    Path file() {
        return file;
    }

    /** Queues one event; it reaches the file at the next {@link #flush()}. */
    void write(Event event) {
        byte[] record = TfRecords.frame(event.toByteArray());
        pending.write(record, 0, record.length);
        if (pending.size() >= FLUSH_BYTES) {
            flush();
        }
    }

    /** Appends every queued record to the file in one write. */
    void flush() {
        if (pending.size() == 0) {
            return;
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            pending.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("TensorBoard cannot write " + file, e);
        }
        pending.reset();
    }

    /** Event time as TensorFlow writes it: seconds since the epoch, with a fraction. */
    static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    /** The host name as {@code gethostname} gives it, which TensorFlow puts in file names. */
    private static String hostname() {
        try {
            Path proc = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(proc)) {
                String h = Files.readString(proc, StandardCharsets.UTF_8).trim();
                if (!h.isEmpty()) {
                    return h;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the portable ways
        }
        String env = System.getenv("COMPUTERNAME") != null ? System.getenv("COMPUTERNAME") : System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
