package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.openionm.processing.ProcessorHost;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * A modality is only its bundle: with the TcMEP plugin stopped the workbench runs SSEP alone, and
 * starting it again makes TcMEP appear, with nothing else touched (what installing or removing the
 * feature does to a product). The free-run EMG plugin is stopped throughout: a product without the
 * EMG feature runs SSEP and TcMEP as before.
 */
class PluginIndependenceIntegrationTest {

    @Test
    void ssepRunsWithoutTheMepPluginAndMepAppearsWhenItIsStarted() throws Exception {
        ProcessorHost host = Services.service(ProcessorHost.class);
        Bundle mep = Arrays.stream(FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles())
                .filter(b -> b.getSymbolicName().equals("org.openionm.modality.mep")).findFirst().orElseThrow();
        // a product without the EMG features: neither EMG plugin of this test runtime is there
        Bundle[] bundles = FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles();
        Bundle emg = Arrays.stream(bundles).filter(b -> b.getSymbolicName().equals("org.openionm.modality.emg.freerun"))
                .findFirst().orElseThrow();
        Bundle temg = Arrays.stream(bundles).filter(b -> b.getSymbolicName().equals("org.openionm.modality.emg.triggered"))
                .findFirst().orElseThrow();
        emg.stop();
        temg.stop();
        try {
            withoutEmg(host, mep);
        } finally {
            emg.start();
            temg.start();
        }
    }

    private static void withoutEmg(ProcessorHost host, Bundle mep) throws Exception {
        mep.start(); // lazy bundles register their DS components once started
        try {
            mep.stop();
            assertEquals(java.util.List.of("ssep"), host.processorIds());
            ScenarioReplay without = ScenarioReplay.run("spinal-cord-ischemia", "1", 24, 5000, 280);
            assertTrue(without.averages.stream().anyMatch(a -> a.modality().equals("ssep")), "SSEP ran");
            assertFalse(without.averages.stream().anyMatch(a -> a.modality().equals("mep")), "no TcMEP without its plugin");
            assertTrue(without.raised().stream().anyMatch(c -> c.modality().equals("ssep")), "and still alarms");
        } finally {
            mep.start();
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (!host.processorIds().contains("mep") && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(java.util.List.of("mep", "ssep"), host.processorIds());
        ScenarioReplay with = ScenarioReplay.run("spinal-cord-ischemia", "1", 24, 5000, 280);
        assertTrue(with.averages.stream().anyMatch(a -> a.modality().equals("mep")), "TcMEP appears");
    }
}
