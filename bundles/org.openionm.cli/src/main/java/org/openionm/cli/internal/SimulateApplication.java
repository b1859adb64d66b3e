package org.openionm.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.EngineState;
import org.openionm.acquisition.EngineStatus;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.recording.Recorder;
import org.openionm.recording.RecorderState;
import org.openionm.recording.RecorderStatus;
import org.openionm.recording.Recorders;
import org.openionm.recording.RecordingSpec;

/**
 * {@code openionm simulate}: runs the simulated amplifier with a scenario as fast as possible through
 * the acquisition engine (the same pipeline as the workbench) and records it to EDF+ or BDF+ with the
 * workbench's recorder ({@link Recorders}).
 */
public class SimulateApplication extends Command {

    static final String USAGE = "usage: openionm simulate --scenario <name|file> --duration <s> --out <file.edf|file.bdf>"
            + " [--seed N] [--rate Hz] [--channels N]";

    @Override
    String name() {
        return "simulate";
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    int run(String[] args) throws Exception {
        Arguments a = Arguments.parse(args, Set.of("scenario", "duration", "out", "seed", "rate", "channels"));
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional().get(0) + "'");
        }
        String scenario = a.required("scenario");
        double duration = a.number("duration", Double.NaN, 0.001, 7 * 24 * 3600);
        if (Double.isNaN(duration)) {
            throw new UsageException("missing --duration");
        }
        Path out = Path.of(a.required("out")).toAbsolutePath();
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        EdfFormat format = name.endsWith(".bdf") ? EdfFormat.BDF : name.endsWith(".edf") ? EdfFormat.EDF : null;
        if (format == null) {
            throw new UsageException("--out must end in .edf (16-bit EDF+) or .bdf (24-bit BDF+), was " + out.getFileName());
        }
        if (out.getParent() != null && !Files.isDirectory(out.getParent())) {
            throw new UsageException("the folder of --out does not exist: " + out.getParent());
        }
        double rate = a.number("rate", 5000, 1, 20_000);
        int channels = (int) a.number("channels", 32, 1, 64);
        long seed = (long) a.number("seed", 1, 0, Long.MAX_VALUE);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("scenario", scenario);
        options.put("seed", Long.toString(seed));

        AcquisitionEngine engine = Services.engine();
        AmplifierDriver simulator = Services.driver(engine, "simulator");
        long endSample = Math.round(duration * rate);
        Recorder recorder = Recorders.create(RecordingSpec.singleFile(out, format, EdfRecordingInfo.anonymous(
                LocalDateTime.now()), "None (simulated signal, no filter)").withEndSample(endSample));
        ConsumerRegistration registration = engine.addConsumer("EDF recorder", recorder, 256);
        try {
            engine.start(simulator, new AcquisitionConfig(rate, channels, false, options));
            for (String warning : engine.status().warnings()) {
                err.println("simulate: warning: " + warning);
            }
            Progress progress = new Progress(err, "simulate");
            EngineStatus status;
            while ((status = engine.status()).state() == EngineState.RUNNING && status.samplesReceived() < endSample) {
                progress.show(status.samplesReceived() / rate, duration);
                Thread.sleep(200);
            }
            progress.show(Math.min(endSample, status.samplesReceived()) / rate, duration);
            progress.done();
            engine.stop();
            if (!recorder.awaitAcquisitionEnd(Duration.ofSeconds(60))) {
                throw new IllegalStateException("the recorder did not finish writing " + out);
            }
            RecorderStatus recorded = recorder.status();
            EngineStatus end = engine.status();
            if (end.state() == EngineState.FAILED) {
                throw new IllegalStateException(end.message() + "; " + out.getFileName() + " holds the first "
                        + String.format("%.3f", recorded.samplesWritten() / rate) + " s");
            }
            if (recorded.state() == RecorderState.FAILED) {
                throw new IllegalStateException("writing " + out + " failed after " + String.format("%.3f",
                        recorded.samplesWritten() / rate) + " s: " + recorded.failure());
            }
            report(out, format, rate, channels, progress, recorded);
            if (recorded.samplesWritten() < endSample) { // the scenario's own duration ended the stream
                err.printf(Locale.ROOT, "simulate: warning: the scenario ended after %.3f s; the recording is shorter than the"
                        + " %.3f s asked%n", recorded.samplesWritten() / rate, duration);
            }
            return 0;
        } finally {
            registration.close();
        }
    }

    private void report(Path out, EdfFormat format, double rate, int channels, Progress progress, RecorderStatus recorder)
            throws IOException {
        double seconds = recorder.samplesWritten() / rate;
        err.printf(Locale.ROOT, "simulate: wrote %s (%s+, %d channels at %.0f Hz, %.3f s, %d stimuli, %d annotations, %.1f MB)"
                + " in %.1f s = %.1f× real time%n", out, format, channels, rate, seconds, recorder.stimuli(),
                recorder.annotations(), Files.size(out) / 1e6, progress.elapsedSeconds(), seconds / progress.elapsedSeconds());
        List<String> warnings = recorder.warnings();
        for (String warning : warnings) {
            err.println("simulate: warning: " + warning);
        }
    }

}
