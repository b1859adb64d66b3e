package org.openionm.acquisition;

/** Where the engine is in a driver's lifecycle. */
public enum EngineState {
    /** No acquisition has run yet. */
    IDLE,
    RUNNING,
    /** Stopped on request or the stream ended (e.g. end of a played-back file). */
    STOPPED,
    /** The driver threw or would not stop; {@link EngineStatus#message()} says why. */
    FAILED
}
