package org.openionm.modality.mep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.stimulation.StimulatorControl;

/**
 * Issue 17: a major TcMEP criterion met on one train fires an immediate repeat train and alarms only
 * when the repeat meets it too; a single weak trial (single-trial variability) alarms nothing.
 * Without a stimulator (file analysis) the next recorded train confirms instead.
 */
class RepeatTrainTest {

    /** Records the processor's requests; the test then plays the repeat train as the engine would. */
    static final class Stimulator implements StimulatorControl {
        final List<String> triggered = new ArrayList<>();

        @Override
        public void trigger(String siteId) {
            triggered.add(siteId);
        }

        @Override
        public void startRamp(String siteId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stopRamp(String siteId) {
            throw new UnsupportedOperationException();
        }
    }

    static Session withBaseline(StimulatorControl stimulator) {
        Session s = new Session(Map.of(MepSettings.REPEAT_TRAIN, true), stimulator);
        s.train(Session.RIGHT, 400, Session.rightResponses(1));
        s.processor.captureBaseline(s.caseTime());
        s.out.clear();
        return s;
    }

    static List<AlarmCondition> high(Session s) {
        return s.out.alarms().stream().filter(a -> a.priority() == AlarmCondition.Priority.HIGH && a.active()).toList();
    }

    @Test
    void aLossConfirmedByTheRepeatTrainAlarms() {
        Stimulator stim = new Stimulator();
        Session s = withBaseline(stim);
        s.train(Session.RIGHT, 400, Session.rightResponses(0.1)); // −90 %: beyond the 80 % spinal criterion
        assertEquals(List.of(), high(s), "one train is checked by a repeat first");
        assertEquals(List.of(Session.RIGHT), stim.triggered, "one repeat request for the train, whatever the muscles");
        s.train(Session.RIGHT, 400, Session.rightResponses(0.1)); // the repeat
        List<AlarmCondition> raised = high(s);
        assertEquals(3, raised.size(), "APB-R, TA-R, AH-R: " + raised);
        assertTrue(raised.get(0).provenance().settings().get("alarm.confirmation")
                .startsWith("confirmed on an immediate repeat train"), raised.get(0).provenance().settings().toString());
        assertEquals(1, stim.triggered.size(), "no further repeat once confirmed");
    }

    @Test
    void aSingleWeakTrialRefutedByTheRepeatAlarmsNothing() {
        Stimulator stim = new Stimulator();
        Session s = withBaseline(stim);
        s.train(Session.RIGHT, 400, Session.rightResponses(0.1));
        assertEquals(1, stim.triggered.size());
        s.train(Session.RIGHT, 400, Session.rightResponses(0.9)); // the repeat: the muscle is fine
        s.train(Session.RIGHT, 400, Session.rightResponses(0.1)); // a later weak trial starts a new check
        assertEquals(List.of(), high(s), s.out.alarms().toString());
        assertEquals(2, stim.triggered.size());
    }

    @Test
    void withoutAStimulatorTheNextRecordedTrainConfirms() {
        Session s = withBaseline(StimulatorControl.NONE);
        s.train(Session.RIGHT, 400, Session.rightResponses(0.1));
        assertEquals(List.of(), high(s));
        s.train(Session.RIGHT, 400, Session.rightResponses(0.1));
        List<AlarmCondition> raised = high(s);
        assertEquals(3, raised.size());
        assertTrue(raised.get(0).provenance().settings().get("alarm.confirmation")
                .startsWith("confirmed on the next recorded train (no repeat possible: no stimulator is connected"),
                raised.get(0).provenance().settings().toString());
    }

    @Test
    void offTheFirstTrainAlarmsAsBefore() {
        Stimulator stim = new Stimulator();
        Session s = new Session(Map.of(MepSettings.REPEAT_TRAIN, false), stim);
        s.train(Session.RIGHT, 400, Session.rightResponses(1));
        s.processor.captureBaseline(s.caseTime());
        s.train(Session.RIGHT, 400, Session.rightResponses(0.1));
        assertEquals(3, high(s).size());
        assertEquals(List.of(), stim.triggered);
    }
}
