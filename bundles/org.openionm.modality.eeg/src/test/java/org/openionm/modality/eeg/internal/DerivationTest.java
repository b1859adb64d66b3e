package org.openionm.modality.eeg.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Montages over the simulator's Cz-referenced channels, and the homologous pairs. */
class DerivationTest {

    private static final List<String> LABELS = List.of("C3-Cz", "C4-Cz", "F3-Cz", "F4-Cz", "P3-Cz", "P4-Cz", "O1-Cz", "O2-Cz");

    @Test
    void emptyMontageTakesEveryChannelAsRecorded() {
        List<Derivation> d = Derivation.parse("", LABELS);
        assertEquals(LABELS, d.stream().map(Derivation::label).toList());
        assertEquals(-1, d.get(3).minus());
        List<int[]> pairs = Derivation.homologousPairs(d);
        assertEquals(4, pairs.size());
        assertArrayEquals(new int[] { 0, 1 }, pairs.get(0), "C3-Cz with C4-Cz");
        assertArrayEquals(new int[] { 6, 7 }, pairs.get(3), "O1-Cz with O2-Cz");
    }

    @Test
    void bipolarDerivationsAreDifferencesOfACommonReference() {
        List<Derivation> d = Derivation.parse("F3-C3, C3-O1, F4-C4 ,C4-O2", LABELS);
        assertEquals(new Derivation("F3-C3", 2, 0), d.get(0));
        assertEquals(new Derivation("C4-O2", 1, 7), d.get(3));
        assertEquals(Derivation.Side.LEFT, d.get(1).side());
        assertEquals("C4-O2", d.get(1).mirrorLabel());
        List<int[]> pairs = Derivation.homologousPairs(d);
        assertArrayEquals(new int[] { 0, 2 }, pairs.get(0));
        assertArrayEquals(new int[] { 1, 3 }, pairs.get(1));
    }

    @Test
    void anUnknownDerivationIsRefusedNamingTheChannels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Derivation.parse("Fp1-C3", LABELS));
        assertTrue(e.getMessage().contains("'Fp1-C3'") && e.getMessage().contains("C3-Cz"), e.getMessage());
    }
}
