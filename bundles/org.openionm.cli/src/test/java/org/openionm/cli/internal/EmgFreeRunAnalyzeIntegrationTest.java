package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze} of a simulated facial-nerve case with the free-run EMG plugin installed (DS): the JSON
 * (docs/analyze-json.md) lists each channel's train time and the A-train events, as Python's json reads them.
 */
class EmgFreeRunAnalyzeIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void analyzeListsTrainTimeAndATrainsOfAFacialCase() throws Exception {
        Path file = dir.resolve("facial.edf");
        // the bundled scenario up to 130 s: isolated spikes, bursts, a neurotonic discharge and the 4 s
        // A-train on Facial-2 at 120 s (14 channels hold Facial-1 and Facial-2)
        Apps.Result sim = Apps.run(SimulateApplication::new, "--scenario", "facial-nerve-traction", "--duration", "130", "--out",
                file.toString(), "--rate", "5000", "--channels", "14", "--seed", "5");
        assertEquals(0, sim.exit(), sim.err());
        Path json = dir.resolve("facial.json");
        Apps.Result analyze = Apps.run(AnalyzeApplication::new, file.toString(), "--json", json.toString());
        assertEquals(0, analyze.exit(), analyze.err());
        String out = CommandsIntegrationTest.python(json,
                "t=[m for m in d['measurements'] if m['modality']=='emg.freerun' and m['component']=='trainTime'];"
                        + " last={}; [last.__setitem__(m['channel'], m) for m in t];"
                        + " a=[e for e in d['events'] if e['modality']=='emg.freerun' and e['kind']=='A-train'];"
                        + " k=sorted(set(e['kind'] for e in d['events'] if e['modality']=='emg.freerun'));"
                        + " print(sorted(last), round(last['Facial-2']['value'], 1), last['Facial-2']['unit'],"
                        + " last['Facial-1']['value'], [(e['channel'], round(e['timeSeconds'], 1), round(e['durationSeconds'], 1)) for e in a], k)");
        assertEquals("['Facial-1', 'Facial-2'] 4.0 s 0 [('Facial-2', 120.0, 4.0)] ['A-train', 'burst', 'neurotonic', 'spike']",
                out, "train time 4 s on Facial-2 from the one A-train, none on Facial-1");
        assertTrue(out.contains("A-train"));
    }
}
