package org.openionm.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs after the p2 director has added the TcMEP feature to the SSEP-only installation (the pom's
 * pre-integration-test step): TcMEP appears beside SSEP without any other change.
 */
class MepFeatureAddedIT {

    @Test
    void addingTheMepFeatureMakesTcMepAppearBesideSsep(@TempDir Path dir) throws Exception {
        InstalledWorkbench workbench = InstalledWorkbench.fromSystemProperty();
        Set<String> bundles = workbench.bundles();
        assertTrue(bundles.contains("org.openionm.modality.mep"), "the TcMEP plugin was added");
        assertTrue(bundles.contains("org.openionm.modality.mep.ui"), "the TcMEP view was added");
        assertTrue(bundles.contains("org.openionm.modality.ssep"), "SSEP is still installed");

        JsonNode analysis = workbench.recordAndAnalyse(dir);
        assertEquals(Set.of("mep", "ssep"), InstalledWorkbench.processors(analysis), "installed processors");
        assertTrue(InstalledWorkbench.measurementsOf(analysis, "ssep") > 0, "SSEP still measured");
        assertEquals(Set.of("tcmep.C3C4", "tcmep.C4C3"), InstalledWorkbench.sitesOf(analysis, "mep"),
                "TcMEP measured for both train sites of the scenario");
        assertEquals(0, analysis.get("processorFailures").size(), analysis.get("processorFailures").toString());
    }
}
