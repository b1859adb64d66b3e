package org.openionm.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 9: {@code ./openionm --playback <file>} opens the workbench playing that file. The
 * launcher passes the file (and the demo's default amplifier, the simulator); the autostart must
 * then play the file with the EDF playback amplifier and all of its channels (it played nothing:
 * the launcher had no such option, and an "edf" autostart got the demo's 16 channels and no file).
 */
class AutostartSettingsTest {

    @Test
    void aFileMeansThePlaybackOfAllItsChannels() {
        AcquisitionSettings s = AutostartAddon.settings("simulator", "/data/case 1.bdf", "", null, null, "");
        assertEquals("edf", s.driverId());
        assertEquals(Map.of("file", "/data/case 1.bdf"), s.options());
        assertEquals(256, s.channelCount(), "the file decides the channels");
        assertEquals(true, s.toConfig().realTime(), "played live, through the transport");
    }

    @Test
    void aFileKeepsOtherOptionsAndAChannelLimit() {
        AcquisitionSettings s = AutostartAddon.settings("edf", "/x.edf", "", null, "8", "protocol=/p.yaml;start=30");
        assertEquals(Map.of("file", "/x.edf", "protocol", "/p.yaml", "start", "30"), s.options());
        assertEquals(8, s.channelCount());
    }

    @Test
    void withoutAFileTheDemoStartsAsBefore() {
        AcquisitionSettings s = AutostartAddon.settings("simulator", "", "facial-nerve-traction", null, null, "");
        assertEquals(new AcquisitionSettings("simulator", 5000, 16, Map.of("scenario", "facial-nerve-traction")), s);
        assertEquals(new AcquisitionSettings("simulator", 20000, 64, Map.of("seed", "2")),
                AutostartAddon.settings("simulator", "", "", "20000", "64", "seed=2"));
        assertNull(AutostartAddon.settings("none", "", "", null, null, ""));
        assertNull(AutostartAddon.settings("", "", "", null, null, ""));
    }
}
