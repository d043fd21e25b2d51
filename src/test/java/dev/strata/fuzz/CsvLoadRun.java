package dev.strata.fuzz;

import dev.strata.train.CsvData;
import dev.strata.train.CsvLoader;
import dev.strata.train.CsvOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Loads a generated CSV of {@code rows} rows (10 float features and a class label) and prints the time and the
 * heap and RSS it took (issue 14; measured, not asserted). Usage: {@code CsvLoadRun [rows=1000000] [file]}.
 */
public final class CsvLoadRun {
    private CsvLoadRun() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("strata-1m", ".csv");
        SplittableRandom rnd = new SplittableRandom(1);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("f0,f1,f2,f3,f4,f5,f6,f7,f8,f9,label\n");
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < 10; c++) {
                    w.write(Float.toString((float) rnd.nextDouble(-100, 100)));
                    w.write(',');
                }
                w.write(Integer.toString(rnd.nextInt(3)));
                w.write('\n');
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long t = System.nanoTime();
        CsvData d = CsvLoader.load(file, CsvOptions.label("label").sparse());
        double seconds = (System.nanoTime() - t) / 1e9;
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .findFirst().orElse("VmHWM: ?").replaceAll("\\s+", " ");
        System.out.printf("%,d rows (%.1f MB file) loaded in %.2f s; %d examples; heap held by the dataset %.1f MB; "
                + "peak RSS %s%n", rows, Files.size(file) / 1e6, seconds, d.dataset().size(),
                (heapAfter - heapBefore) / 1e6, rss);
        Files.delete(file);
    }
}
