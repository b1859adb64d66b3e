package org.openionm.modality.mep.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MepRulesTest {

    @Test
    void aTrainRowIsNamedByItsMontage() {
        MepRules rules = new MepRules();
        assertEquals("C4C3", rules.rowLabel("tcmep.C4C3", "APB-L"));
        assertEquals("CzFz", rules.rowLabel("tcmep.CzFz", "TA-L"));
        assertEquals("D-wave", rules.rowLabel("D-wave", "TA-L"), "a site that is no montage keeps its id");
    }
}
