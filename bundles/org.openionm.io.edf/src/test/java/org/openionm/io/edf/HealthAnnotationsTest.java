package org.openionm.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.DriverHealth.Condition;

class HealthAnnotationsTest {

    private static final List<String> LABELS = List.of("CP4-Fpz", "Erb-L", "EEG Fpz-Cz");
    private static final ToIntFunction<String> INDEX = LABELS::indexOf;

    @Test
    void textNamesConditionStateAndChannelLabel() {
        assertEquals("HEALTH LEAD_OFF start Erb-L: impedance 48 kOhm",
                HealthAnnotations.format(new DriverHealth(Condition.LEAD_OFF, 1, true, 10, "impedance 48 kOhm"), "Erb-L"));
        assertEquals("HEALTH SATURATION end CP4-Fpz",
                HealthAnnotations.format(new DriverHealth(Condition.SATURATION, 0, false, 10, ""), "CP4-Fpz"));
        assertEquals("HEALTH DISCONNECTED start device: USB removed",
                HealthAnnotations.format(new DriverHealth(Condition.DISCONNECTED, DriverHealth.WHOLE_DEVICE, true, 10, "USB removed"), null));
    }

    @Test
    void everyReportParsesBackToItself() {
        for (Condition c : Condition.values()) {
            for (boolean active : new boolean[] { true, false }) {
                for (int ch = DriverHealth.WHOLE_DEVICE; ch < LABELS.size(); ch++) {
                    for (String detail : new String[] { "", "at the rail (±5000 uV): check the electrode" }) {
                        DriverHealth h = new DriverHealth(c, ch, active, 12_345, detail);
                        String text = HealthAnnotations.format(h, ch < 0 ? null : LABELS.get(ch));
                        assertEquals(Optional.of(h), HealthAnnotations.parse(text, 12_345, INDEX), text);
                    }
                }
            }
        }
    }

    @Test
    void otherTextsAndUnknownChannelsAreNotReports() {
        assertTrue(HealthAnnotations.parse("STIM median.left 25mA 200us n=1 isi=0ms", 0, INDEX).isEmpty());
        assertTrue(HealthAnnotations.parse("HEALTH LEAD_OFF start C3-Cz", 0, INDEX).isEmpty(), "no such channel in this file");
        assertTrue(HealthAnnotations.parse("HEALTH LOW_BATTERY start device", 0, INDEX).isEmpty(), "unknown condition");
        assertTrue(HealthAnnotations.parse("HEALTH LEAD_OFF begins Erb-L", 0, INDEX).isEmpty());
        assertTrue(HealthAnnotations.parse(null, 0, INDEX).isEmpty());
    }
}
