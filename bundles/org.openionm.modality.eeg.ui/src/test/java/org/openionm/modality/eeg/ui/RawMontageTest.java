package org.openionm.modality.eeg.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;

/** The raw display's montages over the simulator's Cz-referenced EEG channels (other roles ignored). */
class RawMontageTest {

    private static List<Channel> channels() {
        List<Channel> list = new ArrayList<>();
        list.add(new Channel(0, "CP3-Fpz", "uV", 500, -3200, 3200, ChannelRole.SSEP_CORTICAL));
        String[] eeg = { "C3-Cz", "C4-Cz", "F3-Cz", "F4-Cz", "P3-Cz", "P4-Cz", "O1-Cz", "O2-Cz" };
        for (int i = 0; i < eeg.length; i++) {
            list.add(new Channel(i + 1, eeg[i], "uV", 500, -3200, 3200, ChannelRole.EEG));
        }
        return list;
    }

    @Test
    void referentialShowsTheEegChannelsAsRecorded() {
        RawMontage m = RawMontage.of(RawMontage.Kind.REFERENTIAL, channels());
        assertEquals(8, m.labels().size());
        assertEquals("C3-Cz", m.labels().get(0));
        float[][] block = { { 9 }, { 1 }, { 2 }, { 3 }, { 4 }, { 5 }, { 6 }, { 7 }, { 8 } };
        assertArrayEquals(new float[] { 1 }, m.derive(block)[0]);
    }

    @Test
    void bipolarChainsAreDifferencesOfTheCommonReference() {
        RawMontage m = RawMontage.of(RawMontage.Kind.BIPOLAR, channels());
        assertEquals(List.of("F3-C3", "C3-P3", "P3-O1", "F4-C4", "C4-P4", "P4-O2"), m.labels());
        // F3-Cz (index 3) = 30 uV, C3-Cz (index 1) = 10 uV: F3-C3 = 20 uV
        float[][] block = { { 0 }, { 10 }, { 0 }, { 30 }, { 0 }, { 0 }, { 0 }, { 0 }, { 0 } };
        assertArrayEquals(new float[] { 20 }, m.derive(block)[0]);
    }
}
