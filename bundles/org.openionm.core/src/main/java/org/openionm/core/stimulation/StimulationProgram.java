package org.openionm.core.stimulation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The stimulation a case runs: periodic sites are interleaved (site k of n fires k/n of a period
 * after site 0 when rates are equal), on-demand sites wait for a trigger, and sites declared
 * {@link StimulationKind#AVERAGED} pause around each {@link StimulationKind#TRAIN} as {@code trainGuard} says.
 *
 * @param sites      the sites, in interleaving order
 * @param mainsHz    mains frequency of the site (50 or 60), used to warn about mains-locked rates
 * @param trainGuard pause of SSEP stimulation around TcMEP trains
 */
public record StimulationProgram(List<PeriodicStimulation> sites, double mainsHz, TrainGuard trainGuard) {

    /** Slowest rate at which sites are averaged (SSEP 2–8 Hz, t-EMG 2–5 Hz); slower sites are single trials. */
    public static final double MIN_AVERAGING_RATE_HZ = 1.0;

    public static final StimulationProgram NONE = new StimulationProgram(List.of(), 50);

    /** A program with the default {@link TrainGuard}. */
    public StimulationProgram(List<PeriodicStimulation> sites, double mainsHz) {
        this(sites, mainsHz, TrainGuard.DEFAULT);
    }

    public StimulationProgram {
        sites = List.copyOf(sites);
        Objects.requireNonNull(trainGuard, "trainGuard");
        if (mainsHz != 50 && mainsHz != 60) {
            throw new IllegalArgumentException("mains frequency must be 50 or 60 Hz, was " + mainsHz);
        }
        Set<String> ids = new HashSet<>();
        for (PeriodicStimulation site : sites) {
            if (!ids.add(site.siteId())) {
                throw new IllegalArgumentException("stimulation site " + site.siteId() + " is listed twice");
            }
        }
    }

    /** This program with another pause around TcMEP trains. */
    public StimulationProgram withTrainGuard(TrainGuard guard) {
        return new StimulationProgram(sites, mainsHz, guard);
    }

    /** True when some site is declared a train and some other site is declared averaged, and the guard is on. */
    public boolean pausesAroundTrains() {
        return !trainGuard.isOff() && sites.stream().anyMatch(TrainGuard::isTrain)
                && sites.stream().anyMatch(TrainGuard::pauses);
    }

    /**
     * Warnings for rates that are a sub-multiple of mains (mains / rate is a whole number): averaging
     * then keeps the hum instead of cancelling it.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (PeriodicStimulation site : sites) {
            // Only averaging rates matter: a TcMEP every 30 s is "locked" to mains arithmetically, but
            // single MEP trials are never averaged against the hum.
            if (site.rateHz() >= MIN_AVERAGING_RATE_HZ && isMainsLocked(site.rateHz(), mainsHz)) {
                warnings.add(site.siteId() + ": " + java.math.BigDecimal.valueOf(site.rateHz()).stripTrailingZeros()
                        .toPlainString() + " Hz is a sub-multiple of " + Math.round(mainsHz)
                        + " Hz mains; averaging will keep the mains hum. Use a rate such as 4.7 Hz.");
            }
        }
        return warnings;
    }

    /** True when {@code mainsHz / rateHz} is within 0.1 % of a whole number. */
    public static boolean isMainsLocked(double rateHz, double mainsHz) {
        double ratio = mainsHz / rateHz;
        double nearest = Math.rint(ratio);
        return nearest >= 1 && Math.abs(ratio - nearest) <= 1e-3 * nearest;
    }
}
