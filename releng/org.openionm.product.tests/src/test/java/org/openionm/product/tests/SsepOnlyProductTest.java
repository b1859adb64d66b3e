package org.openionm.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The SSEP-only product, as the p2 director installs it from our repository (before the TcMEP
 * feature is added in the integration-test phase): it starts, records and runs SSEP, and nothing of
 * TcMEP is present.
 */
class SsepOnlyProductTest {

    @Test
    void withoutTheMepFeatureTheProductStartsAndRunsSsepOnly(@TempDir Path dir) throws Exception {
        InstalledWorkbench workbench = InstalledWorkbench.fromSystemProperty();
        Set<String> bundles = workbench.bundles();
        assertTrue(bundles.contains("org.openionm.modality.ssep"), "the SSEP plugin is installed");
        assertTrue(bundles.contains("org.openionm.modality.ssep.ui"), "the SSEP view is installed");
        assertFalse(bundles.contains("org.openionm.modality.mep"), "no TcMEP plugin in this product");
        assertFalse(bundles.contains("org.openionm.modality.mep.ui"), "no TcMEP view in this product");

        JsonNode analysis = workbench.recordAndAnalyse(dir);
        assertEquals(Set.of("ssep"), InstalledWorkbench.processors(analysis), "installed processors");
        assertTrue(InstalledWorkbench.measurementsOf(analysis, "ssep") > 0, "SSEP measured");
        assertEquals(0, InstalledWorkbench.measurementsOf(analysis, "mep"), "no TcMEP measurement");
        assertEquals(0, analysis.get("processorFailures").size(), analysis.get("processorFailures").toString());
    }
}
