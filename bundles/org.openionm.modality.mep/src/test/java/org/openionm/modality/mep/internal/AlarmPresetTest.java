package org.openionm.modality.mep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;

class AlarmPresetTest {

    private static List<AlarmCondition> alarms(Session s, String channel, String criterionPart) {
        return s.out.alarms().stream()
                .filter(a -> a.channel().equals(channel) && a.criterion().contains(criterionPart)).toList();
    }

    private static Session withBaseline(Map<String, ?> settings) {
        Session s = new Session(settings);
        s.train(Session.RIGHT, 400, Session.rightResponses(1));
        s.processor.captureBaseline(s.caseTime());
        s.out.clear();
        return s;
    }

    @Test
    void noAlarmWithoutBaseline() {
        Session s = new Session();
        s.train(Session.RIGHT, 400, Session.rightResponses(1));
        s.train(Session.RIGHT, 400, Session.rightResponses(0.1));
        s.train(Session.RIGHT, 400, Map.of());
        assertTrue(s.out.alarms().isEmpty(), s.out.alarms().toString());
        assertTrue(s.processor.baselines().isEmpty());
    }

    @Test
    void ninetyPercentDropRaisesTheSpinalCordAlarmAndRecoveryClearsIt() {
        Session s = withBaseline(Map.of());
        MepBaseline b = s.processor.baselines().get("TA-R");
        assertEquals(600, b.p2pUv(), 30);
        assertEquals(4, b.phases());
        s.train(Session.RIGHT, 400, Session.rightResponses(0.1));
        List<AlarmCondition> spinal = alarms(s, "TA-R", "(spinal cord)");
        System.out.println(spinal);
        assertEquals(1, spinal.size());
        AlarmCondition a = spinal.get(0);
        assertTrue(a.active());
        assertEquals(Priority.HIGH, a.priority());
        assertEquals("mep", a.modality());
        assertEquals(Session.RIGHT, a.site());
        assertTrue(a.criterion().contains("80 %") && a.criterion().contains("MacDonald 2017"), a.criterion());
        assertTrue(a.values().matches("TA-R p2p \\d+ uV \\(-(8[5-9]|9[0-5]) %\\)"), a.values());
        assertTrue(a.baseline().contains("TA-R p2p"), a.baseline());
        assertTrue(alarms(s, "TA-R", "loss of response").isEmpty(), "a small response is not a loss");

        s.out.clear();
        s.train(Session.RIGHT, 400, Session.rightResponses(1));
        assertTrue(alarms(s, "TA-R", "(spinal cord)").isEmpty(), "one recovered train does not clear yet (alarm.clear.trains 2)");
        s.train(Session.RIGHT, 400, Session.rightResponses(1));
        spinal = alarms(s, "TA-R", "(spinal cord)");
        assertEquals(1, spinal.size());
        assertFalse(spinal.get(0).active(), "recovery clears");
    }

    @Test
    void sixtyPercentDropAlarmsOnlyUnderTheBrainPreset() {
        Session spinal = withBaseline(Map.of());
        spinal.train(Session.RIGHT, 400, Session.rightResponses(0.4));
        assertTrue(spinal.out.alarms().isEmpty(), "60 % < 80 %: " + spinal.out.alarms());

        Session brain = withBaseline(Map.of(MepSettings.ALARM_PRESET, MepSettings.BRAIN));
        brain.train(Session.RIGHT, 400, Session.rightResponses(0.4));
        List<AlarmCondition> a = alarms(brain, "TA-R", "(brain, brainstem, facial)");
        System.out.println(a);
        assertEquals(1, a.size());
        assertTrue(a.get(0).active());
        assertEquals(Priority.HIGH, a.get(0).priority());
        assertTrue(a.get(0).criterion().contains("50 %"));
        assertEquals(3, brain.out.alarms().stream().filter(AlarmCondition::active).count(), "APB, TA and AH");
    }

    @Test
    void completeLossRaisesLossOfResponseAndRecoveryClearsIt() {
        Session s = withBaseline(Map.of());
        s.train(Session.RIGHT, 400, Map.of("APB-R", Session.apb(), "AH-R", Session.ah()));
        List<AlarmCondition> loss = alarms(s, "TA-R", "loss of response");
        System.out.println(loss);
        assertEquals(1, loss.size());
        assertTrue(loss.get(0).active());
        assertEquals(Priority.HIGH, loss.get(0).priority());
        assertTrue(loss.get(0).values().startsWith("TA-R no response"), loss.get(0).values());
        assertTrue(alarms(s, "APB-R", "loss").isEmpty(), "APB-R still responds");
        assertEquals(List.of(loss.get(0)), s.out.alarms().stream().filter(a -> a.channel().equals("TA-R")).toList(),
                "loss supersedes amplitude: one alarm for the lost muscle, not also amplitude decrease");

        s.out.clear();
        s.train(Session.RIGHT, 400, Session.rightResponses(1));
        assertTrue(alarms(s, "TA-R", "loss of response").isEmpty(), "one recovered train does not clear yet");
        s.train(Session.RIGHT, 400, Session.rightResponses(1));
        loss = alarms(s, "TA-R", "loss of response");
        assertEquals(1, loss.size());
        assertFalse(loss.get(0).active());
    }

    @Test
    void confirmationWaitsForConsecutiveTrainsAndSpinalThresholdIsEditable() {
        Session s = withBaseline(Map.of(MepSettings.CONFIRM_TRAINS, 2.0));
        s.train(Session.RIGHT, 400, Session.rightResponses(0.1));
        assertTrue(s.out.alarms().isEmpty(), "one train is not yet confirmed");
        s.train(Session.RIGHT, 400, Session.rightResponses(0.1));
        assertEquals(1, alarms(s, "TA-R", "(spinal cord)").size());

        Session strict = withBaseline(Map.of(MepSettings.AMPLITUDE_SPINAL_PCT, 95.0));
        strict.train(Session.RIGHT, 400, Session.rightResponses(0.1));
        assertTrue(strict.out.alarms().isEmpty(), "90 % < edited 95 %: " + strict.out.alarms());
    }

    @Test
    void morphologySimplificationIsALowPriorityAlarmWhenSwitchedOn() {
        Session s = withBaseline(Map.of(MepSettings.MORPHOLOGY_ENABLED, true));
        // TA-R becomes biphasic (4 → 2 phases) at unchanged p2p
        s.train(Session.RIGHT, 400, Map.of("APB-R", Session.apb(), "AH-R", Session.ah(),
                "TA-R", new Wave(30, 2.5, 300, 1, 1)));
        assertEquals(2, s.out.lastTrendValue("TA-R/phases"));
        List<AlarmCondition> m = alarms(s, "TA-R", "morphology");
        assertEquals(1, m.size());
        assertEquals(Priority.LOW, m.get(0).priority());
        assertTrue(m.get(0).values().contains("2 phases (baseline 4)"), m.get(0).values());
        assertEquals(1, s.out.alarms().size(), "nothing else fired");

        Session off = withBaseline(Map.of()); // the default
        off.train(Session.RIGHT, 400, Map.of("APB-R", Session.apb(), "AH-R", Session.ah(),
                "TA-R", new Wave(30, 2.5, 300, 1, 1)));
        assertTrue(off.out.alarms().isEmpty());
    }

    @Test
    void recapturingTheBaselineClearsAlarmsAgainstTheOldOne() {
        Session s = withBaseline(Map.of());
        // 85 % drop: spinal alarm in all three muscles, sustained over three trains
        s.train(Session.RIGHT, 400, Session.rightResponses(0.15));
        assertEquals(3, s.out.alarms().stream().filter(AlarmCondition::active).count(), s.out.alarms().toString());
        s.train(Session.RIGHT, 400, Session.rightResponses(0.15));
        s.train(Session.RIGHT, 400, Session.rightResponses(0.15));
        s.out.clear();
        s.processor.captureBaseline(s.caseTime());
        assertEquals(3, s.out.alarms().size());
        assertTrue(s.out.alarms().stream().noneMatch(AlarmCondition::active));
        assertEquals(90, s.processor.baselines().get("TA-R").p2pUv(), 9, "new baseline: the last three, small responses");
        s.out.clear();
        s.train(Session.RIGHT, 400, Session.rightResponses(0.15));
        assertTrue(s.out.alarms().isEmpty(), s.out.alarms().toString());
    }
}
