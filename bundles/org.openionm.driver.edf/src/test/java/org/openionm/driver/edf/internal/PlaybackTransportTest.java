package org.openionm.driver.edf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.driver.PlaybackControl;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.driver.edf.internal.EdfPlaybackDriverTest.Written;

/**
 * Issue 16, item 9: the playback transport on the file of {@link EdfPlaybackDriverTest} (3 s at 2 kHz,
 * a recorded gap 2530–2930, stimuli at 0, 100, 2529, 2935 and 5999): a seek ahead delivers the file's
 * samples at their own index and drops what lay in between, pause holds the driver's thread, speed
 * scales the pace.
 */
class PlaybackTransportTest {

    @TempDir
    Path dir;

    /** Records what the driver hands on and lets a test act after a given block. */
    static final class Context implements DriverContext {
        final List<SampleBlock> blocks = new CopyOnWriteArrayList<>();
        final List<StimulusEvent> stimuli = new CopyOnWriteArrayList<>();
        final List<Annotation> annotations = new CopyOnWriteArrayList<>();
        volatile Consumer<SampleBlock> afterBlock = b -> { };
        volatile boolean stop;

        @Override public void block(SampleBlock block) { blocks.add(block); afterBlock.accept(block); }
        @Override public void stimulus(StimulusEvent event) { stimuli.add(event); }
        @Override public void annotation(Annotation annotation) { annotations.add(annotation); }
        @Override public List<StimulusEvent> dueStimuli(long endSampleIndex) { return List.of(); }
        @Override public void health(DriverHealth health) { }
        @Override public boolean isStopRequested() { return stop; }
    }

    private Written file(String name) throws Exception {
        EdfPlaybackDriverTest writer = new EdfPlaybackDriverTest();
        writer.dir = dir;
        return writer.write(name);
    }

    @Test
    void aSeekAheadDeliversTheFilesSamplesAtTheirIndexAndDropsWhatLayBetween() throws Exception {
        Written w = file("seek.edf");
        EdfPlaybackDriver driver = new EdfPlaybackDriver();
        driver.configure(EdfPlaybackDriverTest.config(w.file(), 8, false));
        Context ctx = new Context();
        ctx.afterBlock = b -> {
            if (b.endSampleIndex() == 400) {
                PlaybackControl t = driver.playback().orElseThrow();
                assertEquals("seek.edf", t.sourceName());
                assertEquals(0.2, t.positionSeconds(), 1e-12);
                assertEquals(3.0, t.durationSeconds(), 1e-12);
                t.seek(1.5); // sample 3000
                IllegalArgumentException back = assertThrows(IllegalArgumentException.class, () -> t.seek(1.0));
                assertTrue(back.getMessage().contains("restart the playback from 1.0 s"), back.getMessage());
                assertThrows(IllegalArgumentException.class, () -> t.seek(3.5), "past the end");
            }
        };
        driver.run(ctx);

        SampleBlock after = ctx.blocks.stream().filter(b -> b.firstSampleIndex() >= 400).findFirst().orElseThrow();
        assertEquals(3000, after.firstSampleIndex(), "the next block is the file's sample 3000, at its own index");
        for (int c = 0; c < 4; c++) {
            assertEquals(w.data()[c][3000], after.sample(c, 0), 6400 / 65535.0, "channel " + c);
        }
        assertEquals(400 + 3000, ctx.blocks.stream().mapToLong(SampleBlock::sampleCount).sum(), "0–400 and 3000–6000");
        assertEquals(List.of(0L, 100L, 5999L), ctx.stimuli.stream().map(StimulusEvent::sampleIndex).toList(),
                "stimuli in the skipped span are not delivered");
        assertEquals(List.of(3000L), ctx.annotations.stream().map(Annotation::sampleIndex).toList(),
                "the clamp note at 1000 and the gap note at 2530 were skipped; the one at 3000 is played");
        assertEquals(3.0, driver.playback().orElseThrow().positionSeconds(), 1e-12);
    }

    @Test
    void pauseHoldsTheDriverUntilResumed() throws Exception {
        Written w = file("pause.edf");
        EdfPlaybackDriver driver = new EdfPlaybackDriver();
        driver.configure(EdfPlaybackDriverTest.config(w.file(), 8, false)); // as fast as possible
        Context ctx = new Context();
        ctx.afterBlock = b -> {
            if (b.endSampleIndex() == 1000) {
                driver.playback().orElseThrow().pause();
            }
        };
        Throwable[] failed = new Throwable[1];
        Thread player = new Thread(() -> {
            try {
                driver.run(ctx);
            } catch (Throwable t) {
                failed[0] = t;
            }
        }, "edf-playback-test");
        player.start();
        long deadline = System.currentTimeMillis() + 20_000;
        while ((driver.playback().isEmpty() || ((FilePlayback) driver.playback().get()).heldSlices() < 5)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(5); // bounded wait for the condition above, not a timing assertion
        }
        FilePlayback t = (FilePlayback) driver.playback().orElseThrow();
        assertTrue(t.heldSlices() >= 5, "the driver looked at the paused transport and waited");
        assertTrue(t.isPaused());
        assertEquals(1000, ctx.blocks.get(ctx.blocks.size() - 1).endSampleIndex(), "nothing after the pause");
        assertEquals(0.5, t.positionSeconds(), 1e-12);

        t.resume();
        player.join(20_000);
        assertFalse(player.isAlive());
        assertEquals(null, failed[0]);
        assertEquals(2530 + 3070, ctx.blocks.stream().mapToLong(SampleBlock::sampleCount).sum(), "the rest played after resume");
    }

    @Test
    void speedScalesThePaceFromTheLastChange() throws Exception {
        Written w = file("speed.edf");
        EdfPlaybackDriver driver = new EdfPlaybackDriver();
        driver.configure(EdfPlaybackDriverTest.config(w.file(), 8, true)); // live: real time
        Context ctx = new Context();
        ctx.stop = false;
        ctx.afterBlock = b -> ctx.stop = true; // one block, then stop: the transport is what is tested
        driver.run(ctx);
        FilePlayback t = (FilePlayback) driver.playback().orElseThrow();
        assertEquals(1.0, t.speed());
        long at = Math.round(t.positionSeconds() * EdfPlaybackDriverTest.RATE);
        t.setSpeed(1); // anchored here
        assertEquals(1.0, t.secondsFromAnchor(at + 2000), 1e-12, "2000 samples at 2 kHz: 1 s at 1x");
        t.setSpeed(2);
        assertEquals(0.5, t.secondsFromAnchor(at + 2000), 1e-12);
        t.setSpeed(5);
        assertEquals(0.2, t.secondsFromAnchor(at + 2000), 1e-12);
        t.setSpeed(PlaybackControl.AS_FAST_AS_POSSIBLE);
        assertEquals(0, t.secondsFromAnchor(at + 2000));
        assertThrows(IllegalArgumentException.class, () -> t.setSpeed(0));

        EdfPlaybackDriver replay = new EdfPlaybackDriver();
        replay.configure(EdfPlaybackDriverTest.config(w.file(), 8, false));
        Context all = new Context();
        replay.run(all);
        assertEquals(PlaybackControl.AS_FAST_AS_POSSIBLE, replay.playback().orElseThrow().speed(),
                "a replay (file analysis) runs as fast as possible, as before");
    }

    @Test
    void theStartOptionBeginsLaterOnTheRecordingsClock() throws Exception {
        Written w = file("start.edf");
        EdfPlaybackDriver driver = new EdfPlaybackDriver();
        driver.configure(new AcquisitionConfig(1000, 8, false, Map.of("file", w.file().toString(), "start", "2")));
        Context ctx = new Context();
        driver.run(ctx);
        assertEquals(4000, ctx.blocks.get(0).firstSampleIndex(), "case time stays recording time");
        assertEquals(w.data()[1][4000], ctx.blocks.get(0).sample(1, 0), 6400 / 65535.0);
        assertEquals(List.of(5999L), ctx.stimuli.stream().map(StimulusEvent::sampleIndex).toList());
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class, () -> driver.configure(
                new AcquisitionConfig(1000, 8, false, Map.of("file", w.file().toString(), "start", "10"))));
        assertTrue(past.getMessage().startsWith("option start: 10.0 s is past the end"), past.getMessage());
    }
}
