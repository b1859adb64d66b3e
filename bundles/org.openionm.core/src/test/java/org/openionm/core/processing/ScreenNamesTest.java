package org.openionm.core.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ScreenNamesTest {

    @Test
    void transcranialMontageReadsAnodeToCathode() {
        assertEquals("TcMEP C3\u2192C4", ScreenNames.site("tcmep.C3C4"));
        assertEquals("TcMEP C4\u2192C3", ScreenNames.site("tcmep.C4C3"));
        assertEquals("TcMEP Cz\u2192Fpz", ScreenNames.site("tcmep.CzFpz"));
    }

    @Test
    void nervesAndScrewsReadWithTheirSide() {
        assertEquals("L median", ScreenNames.site("median.left"));
        assertEquals("R tibial", ScreenNames.site("tibial.right"));
        assertEquals("L4 screw L", ScreenNames.site("screw.L4.left"));
    }

    @Test
    void siteNamedByAnotherSystemIsShownAsWritten() {
        assertEquals("Stim 3", ScreenNames.site("Stim 3"));
        assertEquals("", ScreenNames.site(""));
    }

    @Test
    void modalitiesReadAsTheFieldNamesThem() {
        assertEquals("free-run EMG", ScreenNames.modality("emg.freerun"));
        assertEquals("triggered EMG", ScreenNames.modality("emg.triggered"));
        assertEquals("TcMEP", ScreenNames.modality("mep"));
        assertEquals("custom.x", ScreenNames.modality("custom.x"));
    }

    @Test
    void camelCaseComponentsReadAsWordsFieldNamesStay() {
        assertEquals("train time", ScreenNames.component("trainTime"));
        assertEquals("P37", ScreenNames.component("P37"));
        assertEquals("p2p", ScreenNames.component("p2p"));
    }

    @Test
    void seriesPartsAreReadOneByOne() {
        assertEquals("TcMEP C3\u2192C4 AH-L p2p", ScreenNames.series("tcmep.C3C4/AH-L/p2p"));
        assertEquals("FDI-L train time", ScreenNames.series("FDI-L/trainTime"));
        assertEquals("TcMEP C3\u2192C4 AH-L p2p", ScreenNames.trend("mep", "tcmep.C3C4/AH-L/p2p"));
        assertEquals("free-run EMG FDI-L train time", ScreenNames.trend("emg.freerun", "FDI-L/trainTime"));
    }

    @Test
    void whereSaysTheModalityOnceAndNoId() {
        String alarm = ScreenNames.where("mep", "tcmep.C4C3", "AH-L", "");
        assertEquals("TcMEP C4\u2192C3 AH-L", alarm);
        assertEquals("free-run EMG FDI-L train time", ScreenNames.where("emg.freerun", "", "FDI-L", "trainTime"));
        assertEquals("SSEP L median P37", ScreenNames.where("ssep", "median.left", "", "P37"));
        assertFalse(ScreenNames.where("emg.freerun", "", "FDI-L", "trainTime").contains("emg.freerun"));
    }
}
