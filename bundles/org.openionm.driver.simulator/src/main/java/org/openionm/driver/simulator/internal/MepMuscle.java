package org.openionm.driver.simulator.internal;

import java.util.Map;

/**
 * TcMEP model of one muscle.
 *
 * @param onsetMs     onset latency (textbook: APB 18–25, TA 27–35, AH 38–50 ms)
 * @param amplitudeUv median peak-to-peak amplitude at supramaximal stimulation
 * @param thresholdV  threshold of a 5-pulse train from the contralateral anode
 */
record MepMuscle(double onsetMs, double amplitudeUv, double thresholdV) {

    /** Defaults per muscle; lower limbs need higher voltages. */
    static final Map<String, MepMuscle> NORMS = Map.of(
            "APB", new MepMuscle(21, 600, 150),
            "ADM", new MepMuscle(22, 400, 160),
            "Vastus", new MepMuscle(25, 300, 230),
            "TA", new MepMuscle(31, 400, 220),
            "EHL", new MepMuscle(33, 300, 230),
            "Gastroc", new MepMuscle(35, 300, 240),
            "AH", new MepMuscle(44, 500, 240));
}
