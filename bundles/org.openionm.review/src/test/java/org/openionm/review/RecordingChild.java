package org.openionm.review;

import java.io.PrintStream;
import java.nio.file.Path;

import org.openionm.io.edf.EdfFormat;
import org.openionm.recording.Recorder;
import org.openionm.recording.Recorders;
import org.openionm.recording.RecordingSpec;

/**
 * The process {@link IndexWhileRecordingTest} kills: random blocks into a segment recorder at about
 * real time, printing the end of every block it gave ("S 12345"). Runs until killed.
 * usage: RecordingChild FOLDER
 */
public final class RecordingChild {

    private RecordingChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, "US-ASCII");
        Recorder recorder = Recorders.create(RecordingSpec.segments(Path.of(args[0]), "crash", EdfFormat.BDF,
                IndexWhileRecordingTest.info(), "none"));
        IndexWhileRecordingTest.Feed feed = new IndexWhileRecordingTest.Feed(recorder, 7);
        recorder.onStart("synthetic", IndexWhileRecordingTest.channels());
        long start = System.nanoTime();
        while (true) {
            feed.run(100);
            out.println("S " + feed.next);
            out.flush();
            long due = start + (long) (feed.next / IndexWhileRecordingTest.RATE * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }
}
