package org.openionm.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.Provenance;

/** The finding first, the source in the details, case times as hh:mm:ss (texts as the processors write them). */
class AlarmTextTest {

    private static final Provenance PROV = new Provenance("test", Map.of());

    private static Alarm alarm(String modality, String site, String channel, String criterion, Priority p, String values) {
        return new Alarm(new AlarmKey(modality, site, channel, criterion), p, AlarmState.ACTIVE_UNACKNOWLEDGED, 467.9,
                467.9, 467.9, values, "baseline 00:05:00, P37 3.2 uV", PROV, null);
    }

    @Test
    void clockIsHoursMinutesSecondsOfCaseTime() {
        assertEquals("00:00:00", AlarmText.clock(0));
        assertEquals("00:07:47", AlarmText.clock(467.9));
        assertEquals("01:01:01", AlarmText.clock(3661));
        assertEquals("26:00:00", AlarmText.clock(26 * 3600));
        assertEquals("--:--:--", AlarmText.clock(Double.NaN));
    }

    @Test
    void tcmepLossReadsAsTheMuscleAndTheFindingWithTheSourceInTheDetails() {
        // MuscleAlarms' texts for a lost TA-L (baseline 500 uV, now 40 uV)
        String criterion = "TcMEP loss of response (all-or-none) [MacDonald 2017, J Clin Neurophysiol 34:4: loss of"
                + " response is always a major warning]";
        Alarm a = alarm("mep", "tcmep.C3C4", "TA-L", criterion, Priority.HIGH,
                "TA-L no response (p2p 40 uV, -92 % of baseline p2p; noise p2p 30 uV)");
        assertEquals("HIGH \u2014 TA-L TcMEP lost (\u221292 %)", AlarmText.banner(a));
        assertTrue(AlarmText.details(a).startsWith("Criterion: " + criterion), AlarmText.details(a));
        assertTrue(AlarmText.details(a).contains("Raised 00:07:47"), AlarmText.details(a));
        assertEquals("TcMEP loss of response (all-or-none)", AlarmText.rule(criterion));

        Alarm amp = alarm("mep", "tcmep.C3C4", "AH-L", "TcMEP amplitude \u2193 > 80 % (spinal cord) [MacDonald 2017]",
                Priority.HIGH, "AH-L p2p 60 uV (-85 %)");
        assertEquals("AH-L TcMEP amplitude \u2193 (\u221285 %)", AlarmText.finding(amp));
        Alarm threshold = alarm("mep", "tcmep.C3C4", "TA-R", "TcMEP threshold \u2191 \u2265 100 V [MacDonald 2017]",
                Priority.MEDIUM, "TA-R threshold 320 V (+120 V)");
        assertEquals("TA-R TcMEP threshold \u2191 +120 V", AlarmText.finding(threshold));
    }

    @Test
    void ssepReadsAsSideNerveComponentAndChanges() {
        String criterion = "ASNM 2024 (Toleikis et al., doi 10.1007/s10877-024-01201-x): amplitude decrease >= 50 %";
        Alarm a = alarm("ssep", "tibial.left", "CPz-Fpz", criterion, Priority.HIGH,
                "P37 1.20 uV (-63 %), latency 40.10 ms (+8 %)");
        assertEquals("HIGH \u2014 SSEP L tibial P37 \u221263 %, +8 % latency", AlarmText.banner(a));
        Alarm lost = alarm("ssep", "median.right", "CP4-Fpz", criterion, Priority.HIGH, "N20 not detected (-100 %)");
        assertEquals("SSEP R median N20 \u2212100 %", AlarmText.finding(lost));
        Alarm recovered = alarm("ssep", "tibial.left", "CPz-Fpz", criterion, Priority.HIGH,
                "recovered on 2 consecutive averages: P37 3.00 uV (-6 %), latency 38.00 ms (+0 %)");
        assertEquals("SSEP L tibial P37 \u22126 %", AlarmText.finding(recovered));
    }

    @Test
    void technicalConditionsReadAsTheConditionAndWhere() {
        assertEquals("LOW \u2014 Electrocautery", AlarmText.banner(alarm(AlarmKey.TECHNICAL, "", "", "Electrocautery",
                Priority.LOW, "32 channels saturated at once")));
        assertEquals("Lead off Erb-L", AlarmText.finding(alarm(AlarmKey.TECHNICAL, "", "Erb-L", "Lead off",
                Priority.MEDIUM, "flat")));
        assertEquals("EEG C3-P3: suppression (burst ratio 0.8)", AlarmText.finding(alarm("eeg", "", "C3-P3",
                "suppression [source]", Priority.MEDIUM, "burst ratio 0.8; more")));
    }
}
