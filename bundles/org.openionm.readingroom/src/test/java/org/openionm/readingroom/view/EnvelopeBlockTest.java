package org.openionm.readingroom.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.readingroom.CaseMessage;
import org.openionm.readingroom.Topics;

class EnvelopeBlockTest {

    private static String b64(float... f) {
        ByteBuffer b = ByteBuffer.allocate(f.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : f) {
            b.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    @Test
    void columnsBecomeMinMaxPairsAtTwiceTheColumnRateForTheChosenChannels() {
        // a 50 ms frame at 2 kHz (100 samples) in 4 columns of 25 samples (80 columns/s)
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first", 1000.0); // frame 10 of 100 samples
        body.put("samples", 100.0);
        body.put("columnSamples", 25.0);
        body.put("rate", 2000.0);
        body.put("min", List.of(b64(-1, -2, -3, -4), b64(10, 20, 30, 40), b64(-5, Float.NaN, -7, -8)));
        body.put("max", List.of(b64(1, 2, 3, 4), b64(11, 21, 31, 41), b64(5, Float.NaN, 7, 8)));
        CaseMessage frame = new CaseMessage("C-1", Topics.TRACE, "e", 11, 0.5, 0, body);

        EnvelopeBlock b = EnvelopeBlock.of(frame, List.of(2, 0));
        assertEquals(80, b.firstIndex(), "column 40 (sample 1000 / 25), two values per column");
        assertEquals(160.0, b.rate(), "80 columns/s, two values each");
        assertArrayEquals(new float[] { -5, 5, Float.NaN, Float.NaN, -7, 7, -8, 8 }, b.samples()[0]);
        assertArrayEquals(new float[] { -1, 1, -2, 2, -3, 3, -4, 4 }, b.samples()[1]);
        assertEquals(80 / 160.0, 1000 / 2000.0, "index / rate is the frame's case time");
    }

    @Test
    void aChannelTheFrameDoesNotHoldIsMissingTrace() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first", 0.0);
        body.put("samples", 50.0);
        body.put("columnSamples", 25.0);
        body.put("rate", 2000.0);
        body.put("min", List.of(b64(1, 2)));
        body.put("max", List.of(b64(3, 4)));
        EnvelopeBlock b = EnvelopeBlock.of(new CaseMessage("C-1", Topics.TRACE, "e", 1, 0, 0, body), List.of(5));
        assertArrayEquals(new float[] { Float.NaN, Float.NaN, Float.NaN, Float.NaN }, b.samples()[0]);
    }

    @Test
    void onlyTraceFrames() {
        CaseMessage alarm = new CaseMessage("C-1", Topics.ALARM, "e", 1, 0, 0, Map.of());
        assertThrows(IllegalArgumentException.class, () -> EnvelopeBlock.of(alarm, List.of(0)));
    }
}
