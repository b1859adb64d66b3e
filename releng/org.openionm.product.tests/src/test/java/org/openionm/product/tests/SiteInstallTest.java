package org.openionm.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A department installs only what it owns, as its IT would: {@code ./openionm site} lists the
 * installable features, installs the simulator, EDF+ playback and SSEP with the site's configuration, refuses what
 * it cannot install, and later adds TcMEP to the same installation, which then runs it.
 */
class SiteInstallTest {

    private static final Set<String> INSTALLABLE = Set.of("org.openionm.driver.simulator.feature",
            "org.openionm.driver.edf.feature", "org.openionm.modality.ssep.feature", "org.openionm.modality.mep.feature",
            "org.openionm.readingroom.feature", "org.openionm.modality.eeg.feature", "org.openionm.modality.emg.freerun.feature",
            "org.openionm.modality.emg.triggered.feature", "org.openionm.sdk.feature", "org.openionm.report.fhir.feature");

    @Test
    void aSiteInstallsOnlyWhatItOwnsWithItsDefaultsAndAddsAFeatureLater(@TempDir Path dir) throws Exception {
        // every installable feature of the repository, each with its version
        SiteCommand.Result list = SiteCommand.run(dir, "--list");
        assertEquals(0, list.exit(), list.output());
        Matcher m = Pattern.compile("(?m)^  (org\\.openionm\\.\\S+\\.feature) +(\\d+\\.\\d+\\.\\d+\\.\\S+) ").matcher(list.output());
        Set<String> listed = new TreeSet<>();
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertEquals(new TreeSet<>(INSTALLABLE), listed, list.output());

        // a feature the repository does not have is refused, naming what it has; nothing is created
        Path refused = dir.resolve("refused");
        SiteCommand.Result bad = SiteCommand.run(dir, "--features", "simulator,baep", "--out", refused.toString());
        assertEquals(2, bad.exit(), bad.output());
        assertTrue(bad.output().contains("unknown or ambiguous feature 'baep'")
                && bad.output().contains("org.openionm.modality.mep.feature"), bad.output());
        assertFalse(Files.exists(refused), "nothing installed for a refused command");

        // simulator, EDF+ playback (analyze replays recordings through it) and SSEP, with the site's configuration
        Path config = Files.writeString(dir.resolve("site.yaml"), """
                # St. Elsewhere neurophysiology: light theme, SSEP alarms at 40 %
                theme: light
                modalitySettings:
                  ssep.alarm.amplitude.decrease.percent: 40
                """);
        Path site = dir.resolve("site");
        SiteCommand.Result install = SiteCommand.run(dir, "--features", "simulator,edf,ssep", "--out", site.toString(),
                "--config", config.toString());
        assertEquals(0, install.exit(), install.output());
        assertEquals(Set.of("org.openionm.runtime.feature", "org.openionm.platform.feature", "org.openionm.cases.feature",
                "org.openionm.report.feature",
                "org.openionm.driver.simulator.feature", "org.openionm.driver.edf.feature", "org.openionm.modality.ssep.feature"),
                installedRoots(dir, site));
        InstalledWorkbench workbench = InstalledWorkbench.at(site);
        Set<String> bundles = workbench.bundles();
        assertTrue(bundles.contains("org.openionm.modality.ssep") && bundles.contains("org.openionm.modality.ssep.ui"), "SSEP");
        assertFalse(bundles.contains("org.openionm.modality.mep") || bundles.contains("org.openionm.modality.mep.ui")
                || bundles.contains("org.openionm.testkit"), "no TcMEP, no SDK: " + bundles);
        assertTrue(Files.isExecutable(site.resolve("openionm")), "the installation has its own launcher");
        StartupLayoutTest.assertUnsignedLauncher(site.resolve("plugins"));
        assertEquals("theme=light", Files.readAllLines(site.resolve("site/site.properties")).get(1));

        JsonNode analysis = workbench.recordAndAnalyse(dir);
        assertEquals(Set.of("ssep"), InstalledWorkbench.processors(analysis), "installed processors");
        assertTrue(InstalledWorkbench.measurementsOf(analysis, "ssep") > 0, "SSEP measured");
        assertEquals(40.0, analysis.get("settings").get("ssep").get("alarm.amplitude.decrease.percent").asDouble(),
                "the site's default is what an analysis starts from");
        assertEquals(0, analysis.get("processorFailures").size(), analysis.get("processorFailures").toString());

        // a configuration naming what is not installed, or a value out of range, is refused with the reason
        Path wrong = Files.writeString(dir.resolve("wrong.yaml"), "modalitySettings:\n  mep.alarm.preset: brain\n");
        InstalledWorkbench.Result r = workbench.start(dir, "siteconfig", "--apply", wrong.toString());
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains("no modality 'mep' is installed here (installed: [ssep])"), r.output());
        Path outOfRange = Files.writeString(dir.resolve("range.yaml"), "modalitySettings:\n  ssep.alarm.amplitude.decrease.percent: 150\n");
        r = workbench.start(dir, "siteconfig", "--apply", outOfRange.toString());
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains("must be between"), r.output());
        assertTrue(Files.readString(site.resolve("site/modality-settings.properties")).contains("ssep.alarm.amplitude.decrease.percent=40"),
                "a refused configuration changes nothing");

        // later the department buys a TcMEP stimulator: the feature is added to the same installation
        SiteCommand.Result add = SiteCommand.run(dir, "--add", "mep", "--out", site.toString());
        assertEquals(0, add.exit(), add.output());
        assertTrue(installedRoots(dir, site).contains("org.openionm.modality.mep.feature"));
        JsonNode after = workbench.recordAndAnalyse(Files.createDirectory(dir.resolve("after")));
        assertEquals(Set.of("mep", "ssep"), InstalledWorkbench.processors(after), "installed processors");
        assertEquals(Set.of("tcmep.C3C4", "tcmep.C4C3"), InstalledWorkbench.sitesOf(after, "mep"),
                "TcMEP measured for both train sites of the scenario");
        assertEquals(40.0, after.get("settings").get("ssep").get("alarm.amplitude.decrease.percent").asDouble(),
                "the site's defaults stay");

        // the FHIR export brings its own libraries (HAPI, SLF4J 2): the case store must still open beside them
        SiteCommand.Result fhir = SiteCommand.run(dir, "--add", "fhir", "--out", site.toString());
        assertEquals(0, fhir.exit(), fhir.output());
        InstalledWorkbench.Result created = workbench.start(dir, "case", "new", "--patient", "Doe^Jane", "--mrn", "123456",
                "--procedure", "posterior spinal fusion", "--sex", "f");
        assertEquals(0, created.exit(), created.output());
        assertFalse(created.output().contains("LinkageError"), created.output());
        assertFalse(created.output().contains("No SLF4J providers were found"), "the installation starts SLF4J's provider: "
                + created.output());
    }

    private static Set<String> installedRoots(Path dir, Path site) throws Exception {
        SiteCommand.Result r = SiteCommand.run(dir, "--installed", site.toString());
        assertEquals(0, r.exit(), r.output());
        return new TreeSet<>(Arrays.asList(r.output().strip().split("\\s+")));
    }
}
