package org.openionm.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ChannelRoleTest {

    @Test
    void aRoleIsItsIdWhateverItsLabelOrRange() {
        ChannelRole fromProtocol = new ChannelRole("mep.muscle", "APB right", 2000);
        assertEquals(ChannelRole.MEP_MUSCLE, fromProtocol);
        assertEquals(ChannelRole.MEP_MUSCLE.hashCode(), fromProtocol.hashCode());
        assertTrue(Set.of(ChannelRole.MEP_MUSCLE, ChannelRole.EMG_FREE_RUN).contains(fromProtocol),
                "a processor's acceptedRoles() must accept it");
        assertNotEquals(ChannelRole.EMG_FREE_RUN, new ChannelRole("emg.triggered", "Free-run EMG", 500));
    }

    @Test
    void theTwoArgumentFormHasTheDefaultRange() {
        assertEquals(100, new ChannelRole("baep", "BAEP").displayRangeUv());
        assertEquals(ChannelRole.DEFAULT_DISPLAY_RANGE_UV, new ChannelRole("baep", "BAEP").displayRangeUv());
    }

    @Test
    void muscleRolesAreDrawnAtMillivoltsTheOthersAtTensOfMicrovolts() {
        // the values the Raw signals part used before roles declared them
        for (ChannelRole muscle : Set.of(ChannelRole.MEP_MUSCLE, ChannelRole.EMG_FREE_RUN, ChannelRole.EMG_TRIGGERED)) {
            assertEquals(500, muscle.displayRangeUv(), muscle.id());
        }
        for (ChannelRole scalp : Set.of(ChannelRole.EEG, ChannelRole.SSEP_PERIPHERAL, ChannelRole.SSEP_SUBCORTICAL,
                ChannelRole.SSEP_CORTICAL, ChannelRole.OTHER)) {
            assertEquals(100, scalp.displayRangeUv(), scalp.id());
        }
    }

    @Test
    void aRangeThatCannotBeDrawnIsRefusedWithTheRoleNamed() {
        for (double bad : new double[] { 0, -50, Double.NaN, Double.POSITIVE_INFINITY }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChannelRole("eeg", "EEG", bad));
            assertTrue(e.getMessage().contains("eeg") && e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
    }
}
