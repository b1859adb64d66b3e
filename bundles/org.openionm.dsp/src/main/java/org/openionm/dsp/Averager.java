package org.openionm.dsp;

/** Coherent averaging of stimulus-locked sweeps of one channel. Not thread-safe. */
public interface Averager {

    /** Adds one accepted sweep; all sweeps must have the same length. */
    void add(float[] sweep);

    /** The current average (a copy); empty before the first sweep. */
    float[] average();

    /** Sweeps that contribute to {@link #average()}. */
    int sweeps();

    void reset();

    /** Provenance text, e.g. "block average". */
    String describe();
}
