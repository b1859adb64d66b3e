package org.openionm.driver.simulator.internal;

import java.util.List;
import java.util.Map;

import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationProgram;
import org.openionm.core.stimulation.TrainGuard;

/**
 * A scripted clinical scenario, read from YAML (docs/scenarios.md).
 *
 * @param name            short name, e.g. {@code "spinal-cord-ischemia"}
 * @param source          where it was read from, for messages
 * @param description     one paragraph for the technologist
 * @param durationSeconds the stream ends here
 * @param mainsHz         50 or 60
 * @param signals         background levels
 * @param ssep            SSEP components (norms with the scenario's overrides)
 * @param mep             TcMEP model per muscle channel label
 * @param stimulation     the stimulation the scenario expects
 * @param trainGuard      pause of SSEP stimulation around TcMEP trains ({@code tcmepGuard:})
 * @param events          scripted events, by onset
 */
record Scenario(String name, String source, String description, double durationSeconds, int mainsHz, Signals signals,
        List<SsepComponent> ssep, Map<String, MepMuscle> mep, List<PeriodicStimulation> stimulation,
        TrainGuard trainGuard, List<ScenarioEvent> events) {

    Scenario {
        ssep = List.copyOf(ssep);
        mep = Map.copyOf(mep);
        stimulation = List.copyOf(stimulation);
        events = List.copyOf(events);
    }

    StimulationProgram program(int mains) {
        return new StimulationProgram(stimulation, mains, trainGuard);
    }
}
