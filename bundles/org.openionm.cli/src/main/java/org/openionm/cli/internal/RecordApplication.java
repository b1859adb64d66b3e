package org.openionm.cli.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineState;
import org.openionm.acquisition.EngineStatus;
import org.openionm.alarm.AlarmManager;
import org.openionm.cases.CaseWorkbench.RecordingStatus;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.internal.DefaultCaseWorkbench;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.processing.ProcessorHost;

/**
 * {@code openionm record}: a headless acquisition of the simulator recorded into a case — the
 * workbench's case code (recording, event log, audit trail), without a screen. As fast as possible
 * by default; {@code --realtime} paces it like a live amplifier.
 */
public class RecordApplication extends Command {

    static final String USAGE = "usage: openionm record --case <id> --scenario <name|file> --duration <s> [--realtime]"
            + " [--seed N] [--rate Hz] [--channels N] [--user <name>]   (--data <dir> or OPENIONM_DATA chooses the data area)";

    @Override
    String name() {
        return "record";
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    int run(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean realTime = rest.remove("--realtime"); // a flag without a value
        Arguments a = Arguments.parse(rest.toArray(String[]::new),
                Set.of("case", "scenario", "duration", "seed", "rate", "channels", "user"));
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional().get(0) + "'");
        }
        String caseId = a.required("case");
        String scenario = a.required("scenario");
        double duration = a.number("duration", Double.NaN, 0.001, 7 * 24 * 3600);
        if (Double.isNaN(duration)) {
            throw new UsageException("missing --duration");
        }
        double rate = a.number("rate", 5000, 1, 20_000);
        int channels = (int) a.number("channels", 32, 1, 64);
        long seed = (long) a.number("seed", 1, 0, Long.MAX_VALUE);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("scenario", scenario);
        options.put("seed", Long.toString(seed));

        AcquisitionEngine engine = Services.engine();
        AmplifierDriver simulator = Services.driver(engine, "simulator");
        DefaultCaseWorkbench cases = new DefaultCaseWorkbench(CaseAccess.area(), CaseAccess.demoAllowed(), engine,
                Services.service(ProcessorHost.class), Services.service(AlarmManager.class), Clock.systemUTC());
        try {
            cases.startNow();
            String user = a.optional("user", null);
            if (user == null) {
                if (!CaseAccess.demoAllowed()) {
                    throw new UsageException("this site has no demo login: give --user <name>");
                }
                cases.session().loginDemo(Instant.now());
            } else if (cases.session().login(user, CaseAccess.password(), Instant.now()).isEmpty()) {
                throw new UsageException("wrong user name or password for '" + user + "'");
            }
            MonitoringCase c = cases.open(caseId);
            engine.start(simulator, new AcquisitionConfig(rate, channels, realTime, options));
            long endSample = Math.round(duration * rate);
            Progress progress = new Progress(err, "record");
            EngineStatus status;
            while ((status = engine.status()).state() == EngineState.RUNNING && status.samplesReceived() < endSample) {
                progress.show(status.samplesReceived() / rate, duration);
                Thread.sleep(100);
            }
            progress.done();
            engine.stop();
            if (!cases.awaitRecordingClosed(java.time.Duration.ofSeconds(60))) {
                throw new IllegalStateException("the recording of case " + c.id() + " did not close within 60 s");
            }
            EngineStatus end = engine.status();
            RecordingStatus recording = cases.recording();
            err.printf(Locale.ROOT, "record: case %s (%s): %.1f s recorded into %s (%.1f MB)%n", c.id(), c.label(),
                    recording.seconds(), recording.file(), recording.bytes() / 1e6);
            if (end.state() == EngineState.FAILED) {
                throw new IllegalStateException(end.message());
            }
            if (!recording.problem().isEmpty()) {
                throw new IllegalStateException(recording.problem());
            }
            return 0;
        } finally {
            cases.session().logout(Instant.now());
            cases.dispose();
        }
    }
}
