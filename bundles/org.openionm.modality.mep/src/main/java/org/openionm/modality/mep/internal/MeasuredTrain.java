package org.openionm.modality.mep.internal;

import org.openionm.core.model.StimulusEvent;

/** One train as measured in one muscle: what a baseline is built from. */
record MeasuredTrain(double timeSeconds, StimulusEvent train, MuscleResponse response) {
}
