package org.openionm.processing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.Provenance;

/**
 * Issue 17, playback in the workbench: the same warnings as `analyze`, each said once it is fair —
 * missing stimuli after 10 s of data, a silent processor only at the end — and forgotten when a new
 * acquisition starts.
 */
class InputWatchTest {

    static final List<Channel> SSEP = List.of(InputWarningsTest.channel(0, "CP4-Fpz", ChannelRole.SSEP_CORTICAL));

    /** {@code seconds} of data at 5 kHz in 1-s blocks, with {@code perBlock} annotations 'Stim L median' each. */
    static void play(InputWatch w, double fromSeconds, int seconds, int perBlock) {
        for (int s = 0; s < seconds; s++) {
            long first = (long) ((fromSeconds + s) * 5000);
            for (int i = 0; i < perBlock; i++) {
                w.onAnnotation(new Annotation(first + i * 1000L, 0, "Stim L median", Annotation.Kind.CLINICAL));
            }
            w.onAnnotation(new Annotation(first, 0, "gap", Annotation.Kind.TECHNICAL));
            w.onBlock(new SampleBlock(first, 0, new float[][] { new float[5000] }));
        }
    }

    @Test
    void unrecognisedStimulusAnnotationsAreNamedAfterTenSecondsAndSilentProcessorsAtTheEnd() {
        InputWatch w = new InputWatch();
        assertEquals(List.of(), w.warnings(InputWarningsTest.ROLES), "nothing before an acquisition");
        w.onStart("edf", SSEP);
        play(w, 0, 9, 5);
        assertEquals(List.of(), w.warnings(InputWarningsTest.ROLES), "9 s: too early to say");
        play(w, 9, 1, 5);
        assertEquals(List.of("no stimuli recognised: 50 annotations like 'Stim L median' did not match any stimulus rule"
                + " — write a protocol, see docs/protocol.md"), w.warnings(InputWarningsTest.ROLES));
        w.onStop("end of file");
        assertEquals(List.of("no stimuli recognised: 50 annotations like 'Stim L median' did not match any stimulus rule"
                + " — write a protocol, see docs/protocol.md",
                "processor 'ssep' never produced a result, although it accepts 1 channel(s) (CP4-Fpz)"),
                w.warnings(InputWarningsTest.ROLES));
    }

    @Test
    void aUsableRecordingWarnsOfNothingAndANewAcquisitionForgetsTheOld() {
        InputWatch w = new InputWatch();
        w.onStart("edf", List.of(InputWarningsTest.channel(0, "C3-A2", ChannelRole.EEG)));
        assertEquals(1, w.warnings(InputWarningsTest.ROLES).size(), "a role mismatch is said at once");
        w.onStart("edf", SSEP);
        for (int s = 0; s < 20; s++) {
            w.onStimulus(StimulusEvent.single("median.left", s * 5000L, 25, "mA", 200));
        }
        play(w, 0, 20, 0);
        w.measurement(new Measurement(20, "ssep", "median.left", "CP4-Fpz", "N20", 19.5, 2, 500, 0,
                new Provenance("ssep", Map.of())));
        w.onStop("end of file");
        assertEquals(List.of(), w.warnings(InputWarningsTest.ROLES));
        assertEquals(20.0, w.secondsSeen(), 1e-9);
    }
}
