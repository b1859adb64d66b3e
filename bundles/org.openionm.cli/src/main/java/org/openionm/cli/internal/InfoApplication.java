package org.openionm.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.openionm.io.edf.EdfAnnotation;
import org.openionm.io.edf.EdfFormatException;
import org.openionm.io.edf.EdfHeader;
import org.openionm.io.edf.EdfReader;
import org.openionm.io.edf.EdfSignal;

/** {@code openionm info <file>}: what an EDF/EDF+/BDF file holds, after full validation. */
public class InfoApplication extends Command {

    static final String USAGE = "usage: openionm info <file.edf|file.bdf>";

    @Override
    String name() {
        return "info";
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    int run(String[] args) throws IOException, UsageException {
        if (args.length != 1 || args[0].startsWith("--")) {
            throw new UsageException("expected exactly one file");
        }
        Path file = Path.of(args[0]);
        try (EdfReader reader = EdfReader.open(file)) {
            print(System.out, file, reader);
            return 0;
        } catch (EdfFormatException e) {
            throw new IllegalArgumentException(file + " is not a valid EDF/BDF file: " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        }
    }

    static void print(PrintStream out, Path file, EdfReader reader) throws IOException {
        EdfHeader h = reader.header();
        List<Double> starts = reader.recordStartSeconds();
        double dataSeconds = h.recordCount() * h.recordDurationSeconds();
        double spanSeconds = starts.isEmpty() ? dataSeconds : starts.get(starts.size() - 1) + h.recordDurationSeconds() - starts.get(0);
        out.printf(Locale.ROOT, "File:        %s (%.1f MB)%n", file, Files.size(file) / 1e6);
        out.printf(Locale.ROOT, "Format:      %s%s%n", h.formatName(), h.continuous() ? "" : " (discontinuous: has gaps)");
        out.printf(Locale.ROOT, "Patient:     %s%n", h.patient());
        out.printf(Locale.ROOT, "Recording:   %s%n", h.recording());
        out.printf(Locale.ROOT, "Start:       %s%n", h.start());
        out.printf(Locale.ROOT, "Duration:    %.3f s of data in %d records of %s s%s%n", dataSeconds, h.recordCount(),
                trim(h.recordDurationSeconds()), h.continuous() ? "" : String.format(Locale.ROOT, ", spanning %.3f s", spanSeconds));
        out.printf(Locale.ROOT, "Channels:    %d%n", h.signals().size());
        out.printf(Locale.ROOT, "  %3s  %-16s %-5s %9s  %-26s %-8s  %s%n", "#", "Label", "Unit", "Rate (Hz)", "Physical range",
                "Step", "Prefiltering");
        for (EdfSignal s : h.signals()) {
            out.printf(Locale.ROOT, "  %3d  %-16s %-5s %9s  %-26s %-8.3g  %s%n", s.index() + 1, s.label(), s.physicalDimension(),
                    trim(s.samplingRateHz()), trim(s.physicalMin()) + " .. " + trim(s.physicalMax()), s.quantisationStep(),
                    s.prefiltering());
        }
        List<EdfAnnotation> annotations = reader.annotations();
        long stimuli = annotations.stream().filter(a -> a.text().startsWith("STIM ")).count();
        long truth = annotations.stream().filter(a -> a.text().startsWith("TRUTH ")).count();
        out.printf(Locale.ROOT, "Annotations: %d (%d stimuli, %d ground truth, %d other)%n", annotations.size(), stimuli, truth,
                annotations.size() - stimuli - truth);
    }

    private static String trim(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

}
