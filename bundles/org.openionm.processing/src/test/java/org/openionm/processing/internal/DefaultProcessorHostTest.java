package org.openionm.processing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.alarm.AlarmManager;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.SettingDescriptor.Option;
import org.openionm.processing.ResultListener;

class DefaultProcessorHostTest {

    private static final List<Channel> CHANNELS = List.of(
            new Channel(0, "CP4-Fpz", Channel.MICROVOLT, 1000, -3200, 3200, ChannelRole.SSEP_CORTICAL),
            new Channel(1, "Erb-L", Channel.MICROVOLT, 1000, -3200, 3200, ChannelRole.SSEP_PERIPHERAL));

    /** Records what it is given; publishes a measurement per stimulus and an alarm on request. */
    private static class FakeProcessor implements ModalityProcessor {
        final String id;
        final List<String> calls = new ArrayList<>();
        ProcessorContext context;
        int failOnBlock = -1;
        int blocks;

        FakeProcessor(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return "Fake " + id;
        }

        @Override
        public Set<ChannelRole> acceptedRoles() {
            return Set.of(ChannelRole.SSEP_CORTICAL);
        }

        @Override
        public List<SettingDescriptor> settings() {
            return List.of(new SettingDescriptor("sweeps", "Sweeps", "", 1, 4096, 300, true, "MacDonald 2005"),
                    new SettingDescriptor("alarm.drop.percent", "Alarm: amplitude decrease", "%", 10, 100, 50, false,
                            "ASNM 2024"));
        }

        @Override
        public void start(ProcessorContext ctx) {
            context = ctx;
            calls.add("start " + ctx.channels().size() + " sweeps=" + ctx.settings().get("sweeps"));
        }

        @Override
        public void onBlock(SampleBlock block) {
            if (blocks++ == failOnBlock) {
                throw new IllegalStateException("division by zero in " + id);
            }
            calls.add("block " + block.firstSampleIndex());
        }

        @Override
        public void onStimulus(StimulusEvent event) {
            calls.add("stim " + event.sampleIndex());
            context.output().measurement(new Measurement(event.sampleIndex() / 1000.0, id, event.siteId(), "CP4-Fpz", "N20",
                    20.1, 2.5, 1, 0, new Provenance(id, Map.of())));
            if (event.intensity() > 30) {
                context.output().alarm(new AlarmCondition(event.sampleIndex() / 1000.0, id, event.siteId(), "CP4-Fpz",
                        "amplitude down >= 50 %", AlarmCondition.Priority.HIGH, true, "1.0 uV (-60 %)", "2.5 uV",
                        new Provenance(id, Map.of())));
            }
        }

        @Override
        public void onGap(DataGap gap) {
            calls.add("gap " + gap.firstMissingSampleIndex());
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public void captureBaseline(double caseTimeSeconds) {
            calls.add("baseline " + caseTimeSeconds);
        }

        /** "ssep" places markers by hand, any other id keeps the SPI's default (not supported). */
        @Override
        public Measurement moveMarker(String site, String channel, String component, double latencyMs) {
            if (!id.equals("ssep")) {
                return ModalityProcessor.super.moveMarker(site, channel, component, latencyMs);
            }
            calls.add("move " + component + " to " + latencyMs);
            Measurement m = new Measurement(1, id, site, channel, component, latencyMs, 2.0, 300, 0,
                    new Provenance(id, Map.of("marker", "manual")));
            context.output().measurement(m);
            return m;
        }
    }

    /** An alarm manager that only records what it is told (its own logic is tested in its bundle). */
    private static AlarmManager recordingAlarmManager(List<String> seen) {
        return (AlarmManager) Proxy.newProxyInstance(AlarmManager.class.getClassLoader(), new Class<?>[] { AlarmManager.class },
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "onCondition" -> seen.add("condition " + ((AlarmCondition) args[0]).criterion());
                        case "onHealth" -> seen.add("health " + ((DriverHealth) args[0]).condition() + " at " + args[1]
                                + " on '" + args[2] + "'");
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }

    private static SampleBlock block(long first) {
        return new SampleBlock(first, 0, new float[2][100]);
    }

    @Test
    void processorsGetTheAcquisitionInOrderWithTheirEffectiveSettings() {
        DefaultProcessorHost host = new DefaultProcessorHost();
        FakeProcessor ssep = new FakeProcessor("ssep");
        host.addProcessor(ssep);
        host.configure("ssep", Map.of("sweeps", 500.0));
        List<Measurement> measurements = new ArrayList<>();
        host.addListener(new ResultListener() {
            @Override
            public void measurement(Measurement m) {
                measurements.add(m);
            }
        });

        host.onStart("simulator", CHANNELS);
        host.onStimulus(StimulusEvent.single("median.left", 50, 25, "mA", 200));
        host.onBlock(block(0));
        host.onGap(new DataGap(100, 100, "test"));
        host.onBlock(block(200));
        host.onStop("end of stream");

        assertEquals(List.of("start 2 sweeps=500.0", "stim 50", "block 0", "gap 100", "block 200", "stop"), ssep.calls);
        assertEquals(1, measurements.size());
        assertEquals("N20", measurements.get(0).component());
    }

    @Test
    void aThrowingProcessorLeavesTheAcquisitionAndTheOthersGoOn() {
        DefaultProcessorHost host = new DefaultProcessorHost();
        FakeProcessor broken = new FakeProcessor("broken");
        broken.failOnBlock = 1;
        FakeProcessor fine = new FakeProcessor("fine");
        host.addProcessor(broken);
        host.addProcessor(fine);
        List<String> failures = new ArrayList<>();
        host.addListener(new ResultListener() {
            @Override
            public void processorFailed(String id, Throwable error) {
                failures.add(id + ": " + error.getMessage());
            }
        });
        List<String> alarms = new ArrayList<>();
        host.setAlarmManager(recordingAlarmManager(alarms));
        host.onStart("simulator", CHANNELS);
        for (long i = 0; i < 5; i++) {
            host.onBlock(block(i * 100));
        }
        host.onStop("stopped by user");
        assertEquals(List.of("broken: division by zero in broken"), failures);
        assertEquals(List.of("condition modality processing stopped"), alarms, "a stopped modality is a technical alarm");
        assertEquals(List.of("start 2 sweeps=300.0", "block 0"), broken.calls, "no calls after the failure, not even stop");
        assertEquals(7, fine.calls.size(), "start, 5 blocks, stop");
    }

    @Test
    void alarmConditionsAndTechnicalConditionsReachTheAlarmManager() {
        DefaultProcessorHost host = new DefaultProcessorHost();
        List<String> seen = new ArrayList<>();
        host.setAlarmManager(recordingAlarmManager(seen));
        host.addProcessor(new FakeProcessor("ssep"));
        host.onStart("simulator", CHANNELS);
        host.onStimulus(StimulusEvent.single("median.left", 2000, 35, "mA", 200));
        host.onHealth(new DriverHealth(DriverHealth.Condition.LEAD_OFF, 1, true, 4500, "impedance > 50 kOhm"));
        assertEquals(List.of("condition amplitude down >= 50 %", "health LEAD_OFF at 4.5 on 'Erb-L'"), seen);
    }

    @Test
    void baselineIsCapturedWhenTheDataReachTheRequestedTime() {
        DefaultProcessorHost host = new DefaultProcessorHost();
        FakeProcessor ssep = new FakeProcessor("ssep");
        host.addProcessor(ssep);
        List<String> ended = new ArrayList<>();
        host.addListener(new ResultListener() {
            @Override
            public void acquisitionEnded(String reason) {
                ended.add(reason);
            }
        });
        host.onStart("edf", CHANNELS);
        host.captureBaselineAt(0.25);
        for (long i = 0; i < 5; i++) {
            host.onBlock(block(i * 100)); // 0.1 s each at 1 kHz
        }
        host.onStop("end of stream");
        assertEquals(List.of("start 2 sweeps=300.0", "block 0", "block 100", "block 200", "baseline 0.3", "block 300",
                "block 400", "stop"), ssep.calls);
        assertEquals(List.of("end of stream"), ended);
    }

    @Test
    void settingsAndIdsAreChecked() {
        DefaultProcessorHost host = new DefaultProcessorHost();
        host.addProcessor(new FakeProcessor("ssep"));
        assertThrows(IllegalArgumentException.class, () -> host.addProcessor(new FakeProcessor("ssep")));
        assertEquals(List.of("ssep"), host.processorIds());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> host.configure("ssep", Map.of("sweeps", 5000.0)));
        assertTrue(range.getMessage().contains("Sweeps"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> host.configure("ssep", Map.of("sweep", 10.0)));
        assertThrows(IllegalArgumentException.class, () -> host.configure("mep", Map.of()));
    }

    @Test
    void listenersHearEveryAcceptedSettingsChangeOnTheProcessingThreadAndNoRefusedOne() throws Exception {
        DefaultProcessorHost host = new DefaultProcessorHost();
        host.addProcessor(new FakeProcessor("ssep"));
        java.util.concurrent.BlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        host.addListener(new ResultListener() {
            @Override
            public void settingsChanged(String processorId, Map<String, Object> previous, Map<String, Object> current) {
                heard.add(Thread.currentThread().getName() + " " + processorId + " " + previous + " -> " + current);
            }
        });
        host.configure("ssep", Map.of("alarm.drop.percent", 40.0));
        assertThrows(IllegalArgumentException.class, () -> host.configure("ssep", Map.of("alarm.drop.percent", 150.0)));
        host.configure("ssep", Map.of("alarm.drop.percent", 40.0)); // the same again: nothing changed, nothing heard
        host.configure("ssep", Map.of());
        assertEquals("openionm-processing-idle ssep {} -> {alarm.drop.percent=40.0}",
                heard.poll(5, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("openionm-processing-idle ssep {alarm.drop.percent=40.0} -> {}",
                heard.poll(5, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(null, heard.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS), "the refused and the unchanged are not heard");
    }

    @Test
    void anEditorSeesTheDeclaredSettingsAndTheValuesTheNextAcquisitionStartsWith() {
        DefaultProcessorHost host = new DefaultProcessorHost();
        FakeProcessor ssep = new FakeProcessor("ssep");
        host.addProcessor(ssep);
        assertEquals("Fake ssep", host.displayName("ssep"));
        assertEquals(List.of("sweeps", "alarm.drop.percent"), host.settings("ssep").stream().map(SettingDescriptor::key).toList(),
                "the processor's own order");
        assertEquals(Map.of("alarm.drop.percent", 50.0, "sweeps", 300.0), host.effectiveSettings("ssep"), "defaults");

        host.configure("ssep", Map.of("alarm.drop.percent", 40.0));
        assertEquals(Map.of("alarm.drop.percent", 40.0, "sweeps", 300.0), host.effectiveSettings("ssep"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> host.configure("ssep", Map.of("sweeps", 500.0, "alarm.drop.percent", 150.0)));
        assertEquals("Alarm: amplitude decrease must be between 10 and 100 %, was 150", refused.getMessage());
        assertEquals(Map.of("alarm.drop.percent", 40.0, "sweeps", 300.0), host.effectiveSettings("ssep"),
                "nothing of a refused change is applied, not even its valid part");

        host.onStart("simulator", CHANNELS);
        host.configure("ssep", Map.of("alarm.drop.percent", 30.0));
        assertEquals(40.0, ssep.context.settings().get("alarm.drop.percent"), "the running acquisition keeps its values");
        host.onStop("stopped by user");
        host.onStart("simulator", CHANNELS);
        assertEquals(30.0, ssep.context.settings().get("alarm.drop.percent"), "the next start takes the new value");

        host.configure("ssep", Map.of());
        assertEquals(Map.of("alarm.drop.percent", 50.0, "sweeps", 300.0), host.effectiveSettings("ssep"),
                "an empty map restores the defaults");
        for (Executable unknown : List.<Executable>of(() -> host.displayName("emg"), () -> host.settings("emg"),
                () -> host.effectiveSettings("emg"))) {
            assertEquals("no modality processor 'emg' is installed",
                    assertThrows(IllegalArgumentException.class, unknown).getMessage());
        }
    }

    @Test
    void aMovedMarkerGoesToItsProcessorAndItsNewMeasurementToTheListeners() {
        DefaultProcessorHost host = new DefaultProcessorHost();
        FakeProcessor ssep = new FakeProcessor("ssep");
        host.addProcessor(ssep);
        host.addProcessor(new FakeProcessor("mep"));
        List<Measurement> published = new ArrayList<>();
        host.addListener(new ResultListener() {
            @Override
            public void measurement(Measurement m) {
                published.add(m);
            }
        });
        host.onStart("sim", List.of(new Channel(0, "CP4-Fpz", "uV", 1000, -100, 100, ChannelRole.SSEP_CORTICAL)));
        host.onStop("end of stream"); // the last average of a stopped replay (during one: MoveMarkerThreadTest)

        Measurement moved = host.moveMarker("ssep", "median.left", "CP4-Fpz", "N20", 21.5);
        assertEquals(21.5, moved.latencyMs());
        assertEquals(List.of(moved), published, "the re-measured result reaches the views like any other");
        assertTrue(ssep.calls.contains("move N20 to 21.5"), ssep.calls.toString());
        UnsupportedOperationException notByHand = assertThrows(UnsupportedOperationException.class,
                () -> host.moveMarker("mep", "tcmep.C3C4", "APB-R", "MEP", 20));
        assertTrue(notByHand.getMessage().contains("Fake mep"), notByHand.getMessage());
        assertThrows(IllegalArgumentException.class, () -> host.moveMarker("emg", "x", "y", "z", 1));
    }

    @Test
    void listenersHearEachAcquisitionStartBeforeItsResultsAndItsEndAfterThem() {
        DefaultProcessorHost host = new DefaultProcessorHost();
        host.addProcessor(new FakeProcessor("ssep"));
        List<String> heard = new ArrayList<>();
        host.addListener(new ResultListener() {
            @Override
            public void acquisitionStarted() {
                heard.add("started");
            }

            @Override
            public void measurement(Measurement m) {
                heard.add("measurement " + m.site());
            }

            @Override
            public void acquisitionEnded(String reason) {
                heard.add("ended");
            }
        });
        List<Channel> channels = List.of(new Channel(0, "CP4-Fpz", "uV", 1000, -100, 100, ChannelRole.SSEP_CORTICAL));
        for (String site : List.of("median.left", "median.right")) {
            host.onStart("sim", channels);
            host.onStimulus(StimulusEvent.single(site, 10, 20, "mA", 200));
            host.onStop("end");
        }
        assertEquals(List.of("started", "measurement median.left", "ended", "started", "measurement median.right", "ended"),
                heard);
    }

    @Test
    void savedSettingsApplyWhenTheirProcessorIsInstalledAndWhatItNoLongerAcceptsIsDropped() {
        DefaultProcessorHost host = new DefaultProcessorHost();
        host.restore(Map.of("ssep", Map.of("sweeps", "500"), "mep", Map.of("sweeps", "9000", "gain", "2")));
        host.addProcessor(new FakeProcessor("ssep"));
        host.addProcessor(new FakeProcessor("mep"));
        assertEquals(500.0, host.effectiveSettings("ssep").get("sweeps"), "a saved value within range is used");
        assertEquals(300.0, host.effectiveSettings("mep").get("sweeps"), "9000 is outside 1–4096: the default is used");
        assertTrue(!host.effectiveSettings("mep").containsKey("gain"), "an unknown saved key is not invented");
    }

    /** Declares a number, a choice and an on/off setting, like the TcMEP and SSEP processors. */
    private static final class TypedProcessor extends FakeProcessor {

        TypedProcessor(String id) {
            super(id);
        }

        @Override
        public List<SettingDescriptor> settings() {
            return List.of(new SettingDescriptor("sweeps", "Sweeps", "", 1, 4096, 300, true, "MacDonald 2005"),
                    SettingDescriptor.choice("alarm.preset", "Alarm preset", List.of(new Option("spinal", "Spinal cord"),
                            new Option("brain", "Brain, brainstem, facial")), "spinal", "MacDonald 2017"),
                    SettingDescriptor.flag("alarm.subcortical", "Alarm on subcortical too", false, "OpenIONM"));
        }

        @Override
        public void start(ProcessorContext ctx) {
            context = ctx;
            calls.add("start " + ctx.number("sweeps") + " " + ctx.choice("alarm.preset") + " " + ctx.flag("alarm.subcortical"));
        }
    }

    @Test
    void choicesAndFlagsAreConfiguredStartedWithAndSavedByTheirOwnType() {
        DefaultProcessorHost host = new DefaultProcessorHost();
        TypedProcessor mep = new TypedProcessor("mep");
        host.addProcessor(mep);
        List<Map<String, Map<String, String>>> saved = new ArrayList<>();
        host.setSettingsStore(saved::add);
        assertEquals(Map.of("sweeps", 300.0, "alarm.preset", "spinal", "alarm.subcortical", false), host.effectiveSettings("mep"));

        host.configure("mep", Map.of("alarm.preset", "brain", "alarm.subcortical", true, "sweeps", 500));
        assertEquals(Map.of("sweeps", 500.0, "alarm.preset", "brain", "alarm.subcortical", true), host.effectiveSettings("mep"),
                "a whole number given as an int is kept as the Double every number setting has");
        assertEquals(Map.of("mep", Map.of("sweeps", "500", "alarm.preset", "brain", "alarm.subcortical", "true")), saved.get(0));
        host.onStart("simulator", CHANNELS);
        assertEquals("start 500.0 brain true", mep.calls.get(0));

        assertEquals("Alarm preset must be one of spinal, brain, was 'cortex'", assertThrows(IllegalArgumentException.class,
                () -> host.configure("mep", Map.of("alarm.preset", "cortex"))).getMessage());
        assertEquals("Alarm on subcortical too must be true or false (on/off), was 1.0", assertThrows(
                IllegalArgumentException.class, () -> host.configure("mep", Map.of("alarm.subcortical", 1.0))).getMessage());
        assertEquals(1, saved.size(), "nothing refused is saved");
    }

    @Test
    void aSitesDefaultsReplaceTheDeclaredOnesUnderTheUsersChanges(@TempDir Path installation) throws IOException {
        org.openionm.processing.SiteDefaults.write(installation,
                Map.of("mep", Map.of("alarm.preset", "brain", "sweeps", "250", "alarm.subcortical", "perhaps")));
        DefaultProcessorHost host = new DefaultProcessorHost();
        host.setSiteDefaults(org.openionm.processing.SiteDefaults.read(installation, p -> fail(p)));
        TypedProcessor mep = new TypedProcessor("mep");
        host.addProcessor(mep);

        assertEquals(Map.of("sweeps", 250.0, "alarm.preset", "brain", "alarm.subcortical", false), host.effectiveSettings("mep"),
                "the site's values are the defaults; one it cannot read leaves the declared default");
        SettingDescriptor preset = host.settings("mep").stream().filter(d -> d.key().equals("alarm.preset")).findFirst().orElseThrow();
        assertEquals("brain", preset.defaultValue());
        assertTrue(preset.provenance().startsWith("site configuration (declared default spinal"), preset.provenance());

        host.configure("mep", Map.of("sweeps", 400));
        assertEquals(400.0, host.effectiveSettings("mep").get("sweeps"), "a user's change goes on top");
        assertEquals("brain", host.effectiveSettings("mep").get("alarm.preset"));
        host.configure("mep", Map.of());
        assertEquals(250.0, host.effectiveSettings("mep").get("sweeps"), "reset to defaults comes back to the site's");
        host.onStart("simulator", CHANNELS);
        assertEquals("start 250.0 brain false", mep.calls.get(0));
    }

    @Test
    void aSettingsFileOfTheNumbersOnlyVersionStillLoads(@TempDir Path dir) throws IOException {
        // what 0.1.0 wrote (Double.toString) and what people wrote by hand: 0 spinal cord / 1 brain, 0/1 off/on
        Path file = Files.writeString(dir.resolve("modality-settings.properties"),
                "mep.alarm.preset=1.0\nmep.alarm.subcortical=0\nmep.sweeps=500.0\nssep.alarm.preset=0\nssep.alarm.subcortical=1.0\n");
        List<String> problems = new ArrayList<>();
        DefaultProcessorHost host = new DefaultProcessorHost();
        host.restore(SettingsFile.load(file, problems::add));
        host.addProcessor(new TypedProcessor("mep"));
        host.addProcessor(new TypedProcessor("ssep"));
        assertEquals(List.of(), problems);
        assertEquals(Map.of("sweeps", 500.0, "alarm.preset", "brain", "alarm.subcortical", false), host.effectiveSettings("mep"));
        assertEquals(Map.of("sweeps", 300.0, "alarm.preset", "spinal", "alarm.subcortical", true), host.effectiveSettings("ssep"));

        host.setSettingsStore(all -> SettingsFile.save(file, all));
        host.configure("ssep", host.overrides("ssep"));
        assertEquals(List.of("mep.alarm.preset=brain", "mep.alarm.subcortical=false", "mep.sweeps=500", "ssep.alarm.preset=spinal",
                "ssep.alarm.subcortical=true"), Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList(),
                "written back in the new form");
        DefaultProcessorHost again = new DefaultProcessorHost();
        again.restore(SettingsFile.load(file, problems::add));
        again.addProcessor(new TypedProcessor("mep"));
        assertEquals(host.effectiveSettings("mep"), again.effectiveSettings("mep"), "and read back the same");
    }

    @Test
    void aSavedValueThatNoLongerReadsFallsBackToItsDefault() {
        DefaultProcessorHost host = new DefaultProcessorHost();
        host.restore(Map.of("mep", Map.of("sweeps", "lots", "alarm.preset", "2", "alarm.subcortical", "maybe")));
        host.addProcessor(new TypedProcessor("mep"));
        assertEquals(Map.of(), host.overrides("mep"));
        assertEquals(Map.of("sweeps", 300.0, "alarm.preset", "spinal", "alarm.subcortical", false), host.effectiveSettings("mep"));
    }

    @Test
    void everyAcceptedChangeIsSavedAndAFailedSaveSaysSoWhileTheValueStillApplies() {
        DefaultProcessorHost host = new DefaultProcessorHost();
        host.addProcessor(new FakeProcessor("ssep"));
        List<Map<String, Map<String, String>>> saved = new ArrayList<>();
        host.setSettingsStore(saved::add);
        host.configure("ssep", Map.of("sweeps", 500.0));
        assertEquals(List.of(Map.of("ssep", Map.of("sweeps", "500"))), saved, "saved as text, as a person writes it");
        assertEquals(Map.of("sweeps", 500.0), host.overrides("ssep"), "what configure was given");
        assertThrows(IllegalArgumentException.class, () -> host.configure("ssep", Map.of("sweeps", 5000.0)));
        assertEquals(1, saved.size(), "a refused value is not saved");

        host.setSettingsStore(all -> {
            throw new java.io.IOException("No space left on device");
        });
        IllegalStateException notSaved = assertThrows(IllegalStateException.class, () -> host.configure("ssep", Map.of("sweeps", 700.0)));
        assertTrue(notSaved.getMessage().contains("applies for this session") && notSaved.getMessage().contains("No space left"),
                notSaved.getMessage());
        assertEquals(700.0, host.effectiveSettings("ssep").get("sweeps"), "the value applies all the same");
    }
}
