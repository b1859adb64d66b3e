package org.openionm.core.processing;

/** Where a processor publishes what it found; implementations never block the caller. */
public interface ProcessorOutput {

    void measurement(Measurement measurement);

    void average(AverageTrace average);

    void trend(TrendPoint point);

    void alarm(AlarmCondition condition);
}
