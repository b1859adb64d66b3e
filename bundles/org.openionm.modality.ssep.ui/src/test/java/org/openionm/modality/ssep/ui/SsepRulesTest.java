package org.openionm.modality.ssep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SsepRulesTest {

    @Test
    void aNerveTileIsTitledByNerveAndSide() {
        SsepRules rules = new SsepRules();
        assertEquals("Median L", rules.tileTitle("median.left"), "no site id on screen");
        assertEquals("Tibial R", rules.tileTitle("tibial.right"));
        assertEquals("Stim1", rules.tileTitle("Stim1"), "a site named elsewhere keeps its name");
    }
}
