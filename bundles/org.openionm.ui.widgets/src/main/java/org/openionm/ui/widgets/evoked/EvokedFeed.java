package org.openionm.ui.widgets.evoked;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;
import org.openionm.processing.ResultListener;

/**
 * Hands results from the processing thread to the UI thread without ever blocking the processor:
 * listener calls only enqueue (results of the other modality are dropped here); the view drains the
 * queue into its {@link EvokedModel} on its display timer, so many results cost one repaint.
 */
public final class EvokedFeed implements ResultListener {

    /** Bounds memory if the UI thread stalls; evoked results arrive a few per second at most. */
    static final int MAX_PENDING = 20_000;

    private final String modality;
    private final Queue<Consumer<EvokedModel>> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    public EvokedFeed(String modality) {
        this.modality = modality;
    }

    @Override
    public void average(AverageTrace average) {
        offerIfShown(average.modality(), m -> m.average(average));
    }

    @Override
    public void partialAverage(AverageTrace average) {
        offerIfShown(average.modality(), m -> m.partialAverage(average));
    }

    @Override
    public void baseline(AverageTrace baseline) {
        offerIfShown(baseline.modality(), m -> m.baseline(baseline));
    }

    @Override
    public void measurement(Measurement measurement) {
        offerIfShown(measurement.modality(), m -> m.measurement(measurement));
    }

    @Override
    public void trend(TrendPoint point) {
        offerIfShown(point.modality(), m -> m.trend(point));
    }

    @Override
    public void acquisitionStarted() {
        offer(EvokedModel::startAcquisition);
    }

    /** The case goes on: the display stays, the trends break at the gap. */
    @Override
    public void acquisitionContinued(double resumedAtSeconds, double gapSeconds) {
        offer(EvokedModel::continueAcquisition);
    }

    @Override
    public void acquisitionEnded(String reason) {
        offer(EvokedModel::acquisitionEnded);
    }

    private void offerIfShown(String resultModality, Consumer<EvokedModel> event) {
        if (modality.equals(resultModality)) {
            offer(event);
        }
    }

    private void offer(Consumer<EvokedModel> event) {
        if (size.incrementAndGet() > MAX_PENDING) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        pending.add(event);
    }

    /** Applies everything received so far, in order; returns whether anything was applied. UI thread. */
    public boolean drainInto(EvokedModel model) {
        boolean any = false;
        for (Consumer<EvokedModel> e; (e = pending.poll()) != null;) {
            size.decrementAndGet();
            e.accept(model);
            any = true;
        }
        return any;
    }

    /** Results dropped because the UI thread did not keep up (shown in the view's header). */
    public int dropped() {
        return dropped.get();
    }
}
