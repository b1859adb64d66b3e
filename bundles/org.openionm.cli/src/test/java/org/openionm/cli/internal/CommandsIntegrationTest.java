package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.io.edf.EdfAnnotation;
import org.openionm.io.edf.EdfReader;
import org.openionm.processing.ProcessorHost;
import java.util.List;
import java.util.Set;

import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.Units;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** The headless commands inside OSGi, with Declarative Services and the real simulated amplifier. */
class CommandsIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void simulateWritesAnEdfFileThatInfoDescribes() throws Exception {
        Path file = dir.resolve("baseline.edf");
        Apps.Result sim = Apps.run(SimulateApplication::new, "--scenario", "stable-baseline", "--duration", "6", "--out", file.toString(),
                "--rate", "2000", "--channels", "16", "--seed", "3");
        assertEquals(0, sim.exit(), sim.err());
        assertTrue(sim.err().contains("wrote " + file), sim.err());
        try (EdfReader reader = EdfReader.open(file)) {
            assertEquals(16, reader.signals().size());
            for (int s = 0; s < 16; s++) {
                assertEquals(12_000, reader.sampleCount(s), "exactly the requested 6 s at 2 kHz");
                assertEquals(2000, reader.signals().get(s).samplingRateHz());
            }
            long stimuli = reader.annotations().stream().map(EdfAnnotation::text).filter(t -> t.startsWith("STIM ")).count();
            assertTrue(stimuli > 0, "the scenario's stimulation is recorded");
            assertTrue(reader.annotations().stream().allMatch(a -> a.onsetSeconds() < 6.0 + 1e-9), "nothing after the end");
        }
        Apps.Result info = Apps.run(InfoApplication::new, file.toString());
        assertEquals(0, info.exit(), info.err());
        assertTrue(info.out().contains("Channels:    16"), info.out());
        assertTrue(info.out().contains("Duration:    6.000 s"), info.out());
    }

    @Test
    void analyzeRunsTheInstalledProcessorsOverARecordingAndWritesJson() throws Exception {
        Path file = dir.resolve("case.edf");
        assertEquals(0, Apps.run(SimulateApplication::new, "--scenario", "stable-baseline", "--duration", "20", "--out",
                file.toString(), "--rate", "2000", "--channels", "8").exit());
        long stimuli;
        try (EdfReader reader = EdfReader.open(file)) {
            stimuli = reader.annotations().stream().filter(a -> a.text().startsWith("STIM ")).count();
        }
        // a processor as a plugin would register it: one measurement per stimulus it is given
        BundleContext context = FrameworkUtil.getBundle(CommandsIntegrationTest.class).getBundleContext();
        ServiceRegistration<ModalityProcessor> registration = context.registerService(ModalityProcessor.class,
                new CountingProcessor(), null);
        try {
            Path json = dir.resolve("case.json");
            Apps.Result analyze = Apps.run(AnalyzeApplication::new, file.toString(), "--json", json.toString(), "--baseline-at", "5");
            assertEquals(0, analyze.exit(), analyze.err());
            // an independent reader (Python's json) checks the file and counts what we claim
            String out = python(json, "c=[m for m in d['measurements'] if m['modality']=='counting']; print(len(c),"
                    + " d['baselineCapturedAtSeconds'], sorted(set(m['component'] for m in c)), c[-1]['value'], c[-1]['unit'],"
                    + " c[-1]['latencyMs'], len(d['events']), sorted(set((e['kind'], e['channel'], e['durationSeconds'],"
                    + " e['peakUv']) for e in d['events'])))");
            // the generic value and unit of a non-evoked quantity (no latency: null) and one detected
            // event per stimulus, as the processor published them
            assertEquals(stimuli + " 5 ['after-baseline', 'before-baseline'] " + stimuli + " 1 None " + stimuli
                    + " [('stimulus', 'Cz', 0.25, 1.5)]", out);
        } finally {
            registration.unregister();
        }
    }

    @Test
    void aLeadOffRecordedInTheFileRaisesTheSameTechnicalAlarmWhenTheFileIsAnalysed() throws Exception {
        Path scenario = LeadOffScenario.write(dir, "flat");
        Path file = dir.resolve("lead-off.edf");
        assertEquals(0, Apps.run(SimulateApplication::new, "--scenario", scenario.toString(), "--duration", "16", "--out",
                file.toString(), "--rate", "2000", "--channels", "8").exit());
        try (EdfReader reader = EdfReader.open(file)) {
            assertEquals(List.of("HEALTH LEAD_OFF start Erb-L", "HEALTH LEAD_OFF end Erb-L"), reader.annotations().stream()
                    .map(EdfAnnotation::text).filter(t -> t.startsWith("HEALTH ")).map(t -> t.replaceAll(":.*", "")).toList(),
                    "the amplifier's reports are in the recording");
        }
        Path json = dir.resolve("lead-off.json");
        Apps.Result analyze = Apps.run(AnalyzeApplication::new, file.toString(), "--json", json.toString());
        assertEquals(0, analyze.exit(), analyze.err());
        // Python's json reads what the analysis claims about Erb-L. The alarm manager of this test runtime
        // is shared with the live pipeline test, which may have latched the same key: then it "recurs".
        String out = python(json, "on={'RAISED':'on','RECURRED':'on','CLEARED':'off'}; "
                + "print([(on.get(a['event'], a['event']), a['criterion'], a['timeSeconds']) for a in d['alarms']"
                + " if a.get('channel')=='Erb-L'])");
        assertEquals("[('on', 'Lead off', 7.25), ('off', 'Lead off', 12)]", out,
                "raised and cleared at the samples the amplifier reported");
    }

    @Test
    void analyzeRunsFromTheDefaultsWithTheSettingsGivenBySetSaysThemInTheJsonAndPutsTheOldOnesBack() throws Exception {
        Path file = dir.resolve("set.edf");
        assertEquals(0, Apps.run(SimulateApplication::new, "--scenario", "stable-baseline", "--duration", "10", "--out",
                file.toString(), "--rate", "2000", "--channels", "8").exit());
        ProcessorHost host = Services.service(ProcessorHost.class);
        String key = "alarm.amplitude.decrease.percent";
        double before = (Double) host.effectiveSettings("ssep").get(key);

        Path json = dir.resolve("set.json");
        host.configure("mep", Map.of("baseline.trains", 5.0)); // saved earlier, e.g. in Setup
        Apps.Result analyze;
        try {
            analyze = Apps.run(AnalyzeApplication::new, file.toString(), "--json", json.toString(), "--set", "ssep." + key + "=40",
                    "--set", "ssep.alarm.confirmations=3", "--set", "mep.alarm.preset=brain", "--set", "ssep.alarm.subcortical=true");
            assertEquals(0, analyze.exit(), analyze.err());
            // the JSON types are a contract: numbers stay numbers, on/off is true/false, a choice its option id
            assertEquals("brain str True bool False bool 3 int", python(json, "m=d['settings']['mep']; s=d['settings']['ssep'];"
                    + " print(m['alarm.preset'], type(m['alarm.preset']).__name__, s['alarm.subcortical'],"
                    + " type(s['alarm.subcortical']).__name__, m['alarm.morphology.enabled'],"
                    + " type(m['alarm.morphology.enabled']).__name__, s['alarm.confirmations'], type(s['alarm.confirmations']).__name__)"),
                    "the preset is the chosen option's id, the switches booleans (morphology off by default)");
            assertEquals("3", python(json, "print(f\"{d['settings']['mep']['baseline.trains']:g}\")"),
                    "an analysis starts from the defaults: only --set changes them");
            assertEquals(5.0, host.effectiveSettings("mep").get("baseline.trains"), "and puts the saved value back");
        } finally {
            host.configure("mep", Map.of());
        }
        assertEquals("40 3 " + fmt(before), python(json, "s=d['settings']['ssep']; print(f\"{s['" + key
                + "']:g} {s['alarm.confirmations']:g} {" + before + ":g}\")"), "the run's settings are in the result");
        assertEquals(before, host.effectiveSettings("ssep").get(key), "put back after the analysis");

        Apps.Result outOfRange = Apps.run(AnalyzeApplication::new, file.toString(), "--json", json.toString(), "--set", "ssep." + key + "=150");
        assertEquals(2, outOfRange.exit());
        assertTrue(outOfRange.err().contains("between 10 and 100 %, was 150"), outOfRange.err());
        Apps.Result unknown = Apps.run(AnalyzeApplication::new, file.toString(), "--json", json.toString(), "--set", "emg.gain=2");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no modality processor 'emg'"), unknown.err());
        assertEquals(2, Apps.run(AnalyzeApplication::new, file.toString(), "--json", json.toString(), "--set", "ssep=40").exit());
        Apps.Result noSuchPreset = Apps.run(AnalyzeApplication::new, file.toString(), "--json", json.toString(), "--set", "mep.alarm.preset=cortex");
        assertEquals(2, noSuchPreset.exit());
        assertTrue(noSuchPreset.err().contains("--set mep.alarm.preset=cortex: Alarm preset must be one of spinal, brain, was 'cortex'"),
                noSuchPreset.err());
        Apps.Result notOnOff = Apps.run(AnalyzeApplication::new, file.toString(), "--json", json.toString(), "--set", "ssep.alarm.subcortical=2");
        assertEquals(2, notOnOff.exit());
        assertTrue(notOnOff.err().contains("must be true or false (on/off), was '2'"), notOnOff.err());
        Apps.Result notANumber = Apps.run(AnalyzeApplication::new, file.toString(), "--json", json.toString(), "--set", "ssep." + key + "=lots");
        assertEquals(2, notANumber.exit());
        assertTrue(notANumber.err().contains("'lots' is not a number"), notANumber.err());
        assertEquals("spinal", host.effectiveSettings("mep").get("alarm.preset"), "put back after the analysis");
        assertEquals(before, host.effectiveSettings("ssep").get(key), "a refused --set changes nothing");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Runs {@code script} in Python with the JSON file loaded as {@code d}: an independent reader of what we wrote. */
    static String python(Path json, String script) throws Exception {
        Process python = new ProcessBuilder(Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3",
                "-c", "import json,sys; d=json.load(open(sys.argv[1])); " + script, json.toString()).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, python.waitFor(), out);
        return out;
    }

    /** Publishes one measurement per stimulus, tagged by whether the baseline was captured yet. */
    private static final class CountingProcessor implements ModalityProcessor {
        private ProcessorContext context;
        private boolean baseline;
        private int count;

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public String displayName() {
            return "Counting test processor";
        }

        @Override
        public Set<ChannelRole> acceptedRoles() {
            return Set.of();
        }

        @Override
        public List<SettingDescriptor> settings() {
            return List.of();
        }

        @Override
        public void start(ProcessorContext ctx) {
            context = ctx;
        }

        @Override
        public void onBlock(SampleBlock block) {
        }

        @Override
        public void onStimulus(StimulusEvent event) {
            double t = event.sampleIndex() / context.channels().get(0).samplingRateHz();
            Provenance provenance = new Provenance("counting", Map.of());
            context.output().measurement(Measurement.quantity(t, "counting", event.siteId(), "", baseline ? "after-baseline"
                    : "before-baseline", ++count, Units.ONE, provenance));
            context.output().event(new DetectedEvent(t, 0.25, "counting", "Cz", "stimulus", 1.5, provenance));
        }

        @Override
        public void onGap(DataGap gap) {
        }

        @Override
        public void stop() {
        }

        @Override
        public void captureBaseline(double caseTimeSeconds) {
            baseline = true;
        }
    }

    @Test
    void badInputGivesAClearMessageAndANonZeroExit() throws Exception {
        Apps.Result usage = Apps.run(SimulateApplication::new, "--scenario", "stable-baseline", "--out", dir.resolve("x.edf").toString());
        assertEquals(2, usage.exit());
        assertTrue(usage.err().contains("missing --duration"), usage.err());

        Apps.Result extension = Apps.run(SimulateApplication::new, "--scenario", "stable-baseline", "--duration", "1", "--out",
                dir.resolve("x.txt").toString());
        assertEquals(2, extension.exit());
        assertTrue(extension.err().contains(".edf"), extension.err());

        Apps.Result scenario = Apps.run(SimulateApplication::new, "--scenario", "no-such-scenario", "--duration", "1", "--out",
                dir.resolve("x.edf").toString());
        assertEquals(1, scenario.exit());
        assertTrue(scenario.err().contains("no-such-scenario"), scenario.err());

        Path garbage = dir.resolve("garbage.edf");
        Files.writeString(garbage, "this is not an EDF file at all, just text that is long enough to be read".repeat(10));
        Apps.Result info = Apps.run(InfoApplication::new, garbage.toString());
        assertEquals(1, info.exit());
        assertTrue(info.err().contains("not a valid EDF/BDF file"), info.err());

        Apps.Result missing = Apps.run(InfoApplication::new, dir.resolve("missing.edf").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

}
