package org.openionm.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.AcquisitionEngines;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.EngineState;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfReader;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.recording.Recorder;
import org.openionm.recording.Recorders;
import org.openionm.recording.RecordingSpec;
import org.openionm.report.CaseAnalysis;
import org.openionm.review.AlarmComparison;
import org.openionm.review.AveragesAtCursor;
import org.openionm.review.CaseOverview;
import org.openionm.review.Reanalysis;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Review's re-analysis against a simulator-made recording's known truth: the spinal-cord-ischaemia
 * scenario (left tibial SSEP down 80 % over 20 s from 300 s, right side and arms untouched) is recorded
 * to BDF+ by the real recorder, then re-analysed by {@link Reanalysis} on its private engine with new
 * SSEP processor instances, at the preset's criterion and at a what-if 60 % criterion.
 */
class ReanalysisOfASimulatedCaseTest {

    /** Cut from 1200 s: the change at 300 s and two minutes after it. */
    private static final int SECONDS = 420;
    private static final double CHANGE_AT = 300;

    @TempDir
    Path dir;

    @Test
    void theLeftTibialAlarmComesAfterTheScriptedChangeAndA60PercentCriterionNeverAlarmsEarlier() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ReanalysisOfASimulatedCaseTest.class).getBundleContext();
        for (String lazy : List.of("org.openionm.driver.simulator", "org.openionm.driver.edf", "org.openionm.modality.ssep")) {
            for (Bundle b : context.getBundles()) {
                if (b.getSymbolicName().equals(lazy)) {
                    b.start(); // lazy bundles register their DS components once started
                }
            }
        }
        AmplifierDriver simulator = driver(context, "simulator");
        AmplifierDriver playback = driver(context, "edf");
        ModalityProcessor ssep = processor(context, "ssep");

        Path file = record(simulator, dir.resolve("ischaemia.bdf"));

        Supplier<ModalityProcessor> fresh = () -> {
            try {
                return ssep.getClass().getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        Reanalysis reanalysis = new Reanalysis(playback, List.of(fresh));
        List<org.openionm.io.edf.EdfAnnotation> annotations;
        try (EdfReader reader = EdfReader.open(file)) {
            annotations = reader.annotations();
        }
        assertEquals(Reanalysis.DEFAULT_BASELINE_SECONDS, Reanalysis.baselineSeconds(annotations),
                "a simulator recording logs no baseline capture: the default");
        // at 2 kHz the first tibial cortical average completes at ≈ 160 s, so 120 s would capture nothing; 280 s is
        // what the cli's ischaemia tests use (after the anaesthetic drift, before the change) — Review's "Baseline at cursor"
        double baselineAt = 280;

        CaseAnalysis original = reanalysis.run(file, SECONDS, Map.of(), Map.of(), baselineAt, "test", Duration.ofMinutes(2), (d, t) -> { });
        CaseAnalysis at60 = reanalysis.run(file, SECONDS, Map.of(), Map.of("ssep", Map.of("alarm.amplitude.decrease.percent", 60.0)),
                baselineAt, "test", Duration.ofMinutes(2), (d, t) -> { });

        assertEquals(List.of(), original.failures());
        assertTrue(original.baselines().stream().anyMatch(b -> b.site().equals("tibial.left")), "baselines captured at 280 s");
        assertTrue(original.averages().stream().anyMatch(a -> a.modality().equals("ssep")), "the SSEP processor averaged");
        List<AlarmComparison.Row> rows = AlarmComparison.compare(original.alarms(), at60.alarms());
        System.out.println("review re-analysis of the simulated ischaemia: " + rows.stream().map(r -> r.source() + " " + r.describe()).toList());
        AlarmComparison.Row left = rows.stream().filter(r -> r.source().startsWith("SSEP L tibial ")).findFirst()
                .orElseThrow(() -> new AssertionError("no left tibial alarm: " + rows));
        assertTrue(left.originalSeconds() > CHANGE_AT && left.originalSeconds() <= SECONDS,
                "the left tibial alarm follows the scripted change at 300 s: " + left.describe());
        assertTrue(rows.stream().noneMatch(r -> r.source().contains(" median ") || r.source().startsWith("SSEP R tibial ")),
                "the arms and the right leg are untouched in the scenario: " + rows);
        assertTrue(Double.isNaN(left.otherSeconds()) || left.otherSeconds() >= left.originalSeconds(),
                "a 60 % criterion needs a deeper drop, so it cannot alarm earlier: " + left.describe());
        assertTrue(Double.isNaN(left.otherSeconds()) || left.otherSeconds() > CHANGE_AT);

        // the overview of that recording: the scenario's scripted events are its notes, the re-analysis's alarm is there
        CaseOverview overview = CaseOverview.of(SECONDS, annotations).withAnalysis(original.trends(), original.alarms());
        assertTrue(overview.markers(CaseOverview.Kind.NOTE).stream().anyMatch(m -> m.seconds() == 290 && m.label().contains("derotation")),
                "the scenario's note at 290 s: " + overview.markers(CaseOverview.Kind.NOTE));
        assertTrue(overview.markers(CaseOverview.Kind.ANALYSIS_ALARM).stream().anyMatch(m -> m.seconds() == left.originalSeconds()
                && m.label().startsWith("SSEP L tibial ")), "the re-analysis's alarm marker names the site, not its id: "
                + overview.markers(CaseOverview.Kind.ANALYSIS_ALARM));
        assertTrue(!overview.series().isEmpty(), "trends");
        // averages at the cursor: before the change the left tibial average is current and older than the cursor
        var shown = AveragesAtCursor.at(original.averages(), 250);
        assertTrue(shown.stream().anyMatch(a -> a.site().equals("tibial.left") && a.timeSeconds() <= 250), "" + shown);
    }

    private static Path record(AmplifierDriver simulator, Path file) throws Exception {
        String yaml;
        try (InputStream in = simulator.getClass().getResourceAsStream("/scenarios/spinal-cord-ischemia.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(yaml.contains("durationSeconds: 1200"));
        Path scenario = Files.writeString(file.resolveSibling("ischaemia.yaml"), cut(yaml));
        AcquisitionEngine engine = AcquisitionEngines.create();
        Recorder recorder = Recorders.create(RecordingSpec.singleFile(file, EdfFormat.BDF,
                EdfRecordingInfo.anonymous(LocalDateTime.of(2026, 12, 5, 8, 0)), "none"));
        try (ConsumerRegistration r = engine.addConsumer("recorder", recorder, 100_000)) {
            engine.start(simulator, new AcquisitionConfig(2000, 8, false, Map.of("scenario", scenario.toString(), "seed", "1")));
            long deadline = System.currentTimeMillis() + 300_000;
            while (engine.status().state() == EngineState.RUNNING && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(EngineState.STOPPED, engine.status().state(), engine.status().message());
            assertTrue(recorder.awaitAcquisitionEnd(Duration.ofMinutes(2)), "the recorder finished the file");
        } finally {
            AcquisitionEngines.dispose(engine);
        }
        return file;
    }

    /** The scenario ending at {@link #SECONDS}: the events from then on are left out (a scenario refuses events after its end). */
    static String cut(String yaml) {
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String line : yaml.split("\n", -1)) {
            java.util.regex.Matcher event = java.util.regex.Pattern.compile("^\\s*- at: (\\d+(?:\\.\\d+)?)\\s*$").matcher(line);
            if (event.matches()) {
                skipping = Double.parseDouble(event.group(1)) >= SECONDS;
            } else if (!line.startsWith(" ") && !line.isEmpty()) {
                skipping = false; // the next top-level key
            }
            if (!skipping) {
                out.append(line.replace("durationSeconds: 1200", "durationSeconds: " + SECONDS)).append('\n');
            }
        }
        return out.toString();
    }

    private static AmplifierDriver driver(BundleContext context, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (ServiceReference<AmplifierDriver> ref : context.getServiceReferences(AmplifierDriver.class, null)) {
                AmplifierDriver d = context.getService(ref);
                if (d != null && d.id().equals(id)) {
                    return d;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no amplifier driver " + id);
    }

    private static ModalityProcessor processor(BundleContext context, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (ServiceReference<ModalityProcessor> ref : context.getServiceReferences(ModalityProcessor.class, null)) {
                ModalityProcessor p = context.getService(ref);
                if (p != null && p.id().equals(id)) {
                    return p;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no modality processor " + id);
    }
}
