package org.openionm.readingroom.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.readingroom.CaseMessage;
import org.openionm.readingroom.Topics;

class CaseViewTest {

    private static CaseMessage n20(long seq, double t, double amplitude) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("modality", "ssep");
        b.put("site", "median.left");
        b.put("channel", "CP3");
        b.put("component", "N20");
        b.put("latencyMs", 19.8);
        b.put("amplitudeUv", amplitude);
        b.put("value", amplitude);
        b.put("unit", "uV");
        return new CaseMessage("C-1", Topics.MEASUREMENT, "e", seq, t, 0, b);
    }

    @Test
    void aTileKeepsTheTrendInCaseTimeOrderAndItsChangeSinceTheFirstValue() {
        CaseView v = new CaseView("C-1");
        v.accept(n20(2, 20, 3.0));
        v.accept(n20(3, 30, 1.5));
        v.accept(n20(1, 10, 2.0)); // history arriving after live
        Map<String, Object> bsr = new LinkedHashMap<>();
        bsr.put("modality", "eeg");
        bsr.put("series", "BSR F3-C3");
        bsr.put("value", 12.0);
        bsr.put("unit", "%");
        v.accept(new CaseMessage("C-1", Topics.TREND, "e", 1, 15, 0, bsr));

        List<CaseView.Tile> tiles = v.tiles();
        assertEquals(2, tiles.size());
        CaseView.Tile t = tiles.get(0);
        assertEquals("SSEP L median CP3 N20", t.label(), "names as the field writes them, not the ids (issue 16)");
        assertEquals(List.of(new CaseView.Point(10, 2.0), new CaseView.Point(20, 3.0), new CaseView.Point(30, 1.5)), t.trend());
        assertEquals(1.5, t.latest());
        assertEquals(-25.0, t.changePercent(), 1e-12, "(1.5 − 2) / 2");
        assertEquals("1.50 µV (-25 %)", t.valueText());
        assertEquals("▃█▁", t.sparkline(12), "levels 0..7 between 1.5 and 3: 2 → 0.5 / 1.5 × 7 = 2.33 → 2; 3 → 7; 1.5 → 0");
        assertEquals("█▁", t.sparkline(2));
        assertEquals("EEG BSR F3-C3", tiles.get(1).label());
        assertEquals("12.0 %", tiles.get(1).valueText());
    }

    @Test
    void freeRunTrainTimeReadsAsWordsNotIds() {
        CaseView v = new CaseView("C-1");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modality", "emg.freerun");
        m.put("site", "");
        m.put("channel", "FDI-L");
        m.put("component", "trainTime");
        m.put("amplitudeUv", Double.NaN);
        m.put("value", 0.4);
        m.put("unit", "s");
        v.accept(new CaseMessage("C-1", Topics.MEASUREMENT, "e", 1, 5, 0, m));
        Map<String, Object> trend = new LinkedHashMap<>();
        trend.put("modality", "mep");
        trend.put("series", "tcmep.C3C4/AH-L/p2p");
        trend.put("value", 250.0);
        trend.put("unit", "uV");
        v.accept(new CaseMessage("C-1", Topics.TREND, "e", 2, 6, 0, trend));

        List<String> labels = v.tiles().stream().map(CaseView.Tile::label).toList();
        assertEquals(List.of("free-run EMG FDI-L train time", "TcMEP C3\u2192C4 AH-L p2p"), labels);
    }

    @Test
    void theReadersOwnChannelsScaleAndWindow() {
        CaseView v = new CaseView("C-1");
        v.channelsAvailable(32);
        assertEquals(List.of(0, 1, 2, 3), v.channels(), "the first four until the reader chooses");
        v.chooseChannels(List.of(7, 2, 30));
        v.channelsAvailable(16); // the OR restarted with fewer channels: a chosen one it no longer has goes
        assertEquals(List.of(7, 2), v.channels());
        v.scaleUv(20);
        assertEquals(20, v.scaleUv());
        assertThrows(IllegalArgumentException.class, () -> v.scaleUv(0));
        assertThrows(IllegalArgumentException.class, () -> v.windowSeconds(0.5));
        v.windowSeconds(5);
        assertEquals(5, v.windowSeconds());
    }
}
