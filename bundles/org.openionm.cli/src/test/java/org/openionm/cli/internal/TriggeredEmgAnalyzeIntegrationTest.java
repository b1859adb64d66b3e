package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.io.edf.EdfAnnotation;
import org.openionm.io.edf.EdfReader;
import org.openionm.processing.ProcessorHost;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code simulate} the pedicle-screw scenario, then {@code analyze} the file with the installed
 * triggered-EMG plugin (a protocol giving the EHL and Gastroc channels the triggered-EMG role): the JSON lists one {@code threshold} per screw (component {@code threshold},
 * unit mA, {@code site} = the screw) within one ramp step of the file's own ground truth.
 */
class TriggeredEmgAnalyzeIntegrationTest {

    private static final Pattern TRUTH = Pattern.compile("TRUTH (screw\\.\\S+) threshold (\\S+) mA");

    @TempDir
    Path dir;

    @Test
    void analyzeListsEveryScrewsThresholdInTheJson() throws Exception {
        Path file = dir.resolve("screws.bdf");
        Apps.Result sim = Apps.run(SimulateApplication::new, "--scenario", "pedicle-screw-thresholds", "--duration", "20",
                "--out", file.toString(), "--rate", "5000", "--channels", "24", "--seed", "5");
        assertEquals(0, sim.exit(), sim.err());
        Map<String, Double> truth = new TreeMap<>();
        try (EdfReader reader = EdfReader.open(file)) {
            for (EdfAnnotation a : reader.annotations()) {
                Matcher m = TRUTH.matcher(a.text());
                if (m.find()) {
                    truth.put(m.group(1), Double.parseDouble(m.group(2)));
                }
            }
        }
        assertEquals(4, truth.size(), "the scenario's four screws: " + truth);

        Bundle temg = Arrays.stream(FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles())
                .filter(b -> b.getSymbolicName().equals("org.openionm.modality.emg.triggered")).findFirst().orElseThrow();
        ProcessorHost host = Services.service(ProcessorHost.class);
        temg.start(); // lazy: its DS component registers once started
        long deadline = System.currentTimeMillis() + 10_000;
        while (!host.processorIds().contains("emg.triggered") && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        // an EDF file does not keep roles: the playback driver guesses EHL and Gastroc as free-running EMG,
        // so the protocol says which channels were recorded for triggered EMG (docs/protocol.md)
        Path protocol = Files.writeString(dir.resolve("temg.yaml"), """
                channels:
                  EHL-L: emg.triggered
                  EHL-R: emg.triggered
                  Gastroc-L: emg.triggered
                  Gastroc-R: emg.triggered
                """);
        Path json = dir.resolve("screws.json");
        Apps.Result analyze = Apps.run(AnalyzeApplication::new, file.toString(), "--protocol", protocol.toString(), "--json",
                json.toString());
        assertEquals(0, analyze.exit(), analyze.err());
        String out = python(json, "t=[m for m in d['measurements'] if m['modality']=='emg.triggered'"
                + " and m['component']=='threshold']; s={}; [s.__setitem__(m['site'], min(s.get(m['site'], 99), m['value']))"
                + " for m in t]; print(sorted(set(m['unit'] for m in t))); [print(k, v) for k, v in sorted(s.items())]");
        String[] lines = out.split("\n");
        assertEquals("['mA']", lines[0], out);
        assertEquals(truth.size() + 1, lines.length, "one threshold site per screw: " + out);
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split(" ");
            double expected = truth.get(f[0]);
            double found = Double.parseDouble(f[1]);
            assertTrue(found >= expected - 1e-6 && found < expected + 0.4, f[0] + ": truth " + expected + " mA, found "
                    + found + " mA");
        }
    }

    private static String python(Path json, String script) throws Exception {
        Process python = new ProcessBuilder(Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3",
                "-c", "import json,sys; d=json.load(open(sys.argv[1])); " + script, json.toString()).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, python.waitFor(), out);
        return out;
    }
}
