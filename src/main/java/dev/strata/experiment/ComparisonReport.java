package dev.strata.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/** The results of a {@link Comparison}, as a console table and as CSV. */
public record ComparisonReport(List<SettingResult> results) {
    public ComparisonReport {
        results = List.copyOf(results);
    }

    public SettingResult result(String label) {
        return results.stream().filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no setting '" + label + "'"));
    }

    /** One row per setting: losses, gap, metric, time, penalty share; then per-layer sparsity and norms. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        String metric = results.get(0).metric();
        String m = metric == null ? "" : metric.length() > 10 ? metric.substring(0, 10) : metric;
        sb.append(String.format(Locale.ROOT, "%-20s %10s %10s %10s %8s %10s %10s %9s %8s%n", "setting", "train loss",
                "val loss", "best val", "gap", "val " + m, "best " + m, "s/epoch", "reg share"));
        for (SettingResult r : results) {
            sb.append(String.format(Locale.ROOT, "%-20s %10.4f %10.4f %10.4f %8.4f %10.4f %10.4f %9.3f %7.1f%%%n",
                    r.label(), r.trainDataLoss(), r.finalValidationLoss(), r.bestValidationLoss(), r.gap(),
                    r.finalValidationMetric(), r.bestValidationMetric(), r.secondsPerEpoch(),
                    100 * r.regularizationShare()));
        }
        sb.append(String.format(Locale.ROOT, "%nper layer: fraction of |w| < %s, L1 norm, L2 norm%n",
                Comparison.NEAR_ZERO));
        sb.append(String.format(Locale.ROOT, "%-20s %-12s %9s %12s %10s%n", "setting", "layer", "|w|<1e-3", "L1 norm",
                "L2 norm"));
        for (SettingResult r : results) {
            for (LayerWeightStats l : r.layers()) {
                sb.append(String.format(Locale.ROOT, "%-20s %-12s %8.1f%% %12.3f %10.3f%n", r.label(), l.layer(),
                        100 * l.nearZero(), l.l1Norm(), l.l2Norm()));
            }
        }
        return sb.toString();
    }

    /** Per setting and layer: the summary columns repeated, then the layer's sparsity and norms. */
    public String csv() {
        StringBuilder sb = new StringBuilder("setting,train_data_loss,val_data_loss,best_val_data_loss,best_epoch,gap,"
                + "metric,val_metric,best_val_metric,seconds_per_epoch,regularization_share,layer,weights,near_zero,"
                + "l1_norm,l2_norm\n");
        for (SettingResult r : results) {
            for (LayerWeightStats l : r.layers()) {
                sb.append(String.join(",", quote(r.label()), num(r.trainDataLoss()), num(r.finalValidationLoss()),
                        num(r.bestValidationLoss()), Integer.toString(r.bestEpoch()), num(r.gap()),
                        r.metric() == null ? "" : r.metric(), num(r.finalValidationMetric()),
                        num(r.bestValidationMetric()), num(r.secondsPerEpoch()), num(r.regularizationShare()),
                        quote(l.layer()), Long.toString(l.count()), num(l.nearZero()), num(l.l1Norm()),
                        num(l.l2Norm()))).append('\n');
            }
        }
        return sb.toString();
    }

    /** Writes {@link #csv()} atomically: a reader never sees half a file. */
    public void writeCsv(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, csv(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
