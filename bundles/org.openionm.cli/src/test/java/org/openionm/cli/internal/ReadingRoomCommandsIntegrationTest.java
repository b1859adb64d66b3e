package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish} and {@code watch} inside OSGi (Paho with its exports fragment, Gson, the real
 * simulator and alarm manager) against a real mosquitto on loopback: the simulator's scripted lead-off
 * of Erb-L (7.25 s to 12 s) reaches the headless reader as a raised and a cleared technical alarm.
 */
class ReadingRoomCommandsIntegrationTest {

    @Test
    void aHeadlessOrsAlarmsReachAHeadlessReader(@TempDir Path dir) throws Exception {
        Path scenario = LeadOffScenario.write(dir, "flat");
        Path json = dir.resolve("watch.jsonl");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("mosquitto.conf"), "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\nuser "
                + System.getProperty("user.name") + "\n");
        Process broker = new ProcessBuilder("/usr/sbin/mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        try {
            awaitListening(port);
            String uri = "tcp://127.0.0.1:" + port;
            CompletableFuture<Integer> publish = CompletableFuture.supplyAsync(() -> {
                try {
                    return new PublishApplication().run(new String[] { "--broker", uri, "--case", "OR-7", "--scenario",
                            scenario.toString(), "--duration", "13", "--rate", "2000", "--channels", "16", "--room", "OR 7" });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Apps.Result watch = Apps.run(WatchApplication::new, "--broker", uri, "--case", "OR-7", "--json", json.toString(),
                    "--duration", "16", "--client-id", "watch-test");
            assertEquals(0, watch.exit(), watch.err());
            assertEquals(0, publish.get(30, TimeUnit.SECONDS));

            List<JsonObject> lines = Files.readAllLines(json).stream().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
            // lines come in arrival order: a reader that subscribed after the OR's first alarms gets those from the
            // history, after live ones; sequence numbers put them in the OR's order, each exactly once
            List<JsonObject> all = lines.stream().filter(o -> o.has("stream") && o.get("stream").getAsString().equals("alarm"))
                    .sorted(java.util.Comparator.comparingLong(o -> o.get("seq").getAsLong())).toList();
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i + 1, all.get(i).get("seq").getAsLong(), "alarm messages once each: " + all);
            }
            List<JsonObject> alarms = all.stream().filter(o -> o.getAsJsonObject("body").get("channel").getAsString().equals("Erb-L"))
                    .toList();
            assertTrue(alarms.size() >= 2, "raised and cleared: " + alarms);
            JsonObject raised = alarms.get(0);
            assertEquals("OR-7", raised.get("case").getAsString());
            // the test runtime's alarm manager is shared: after another test's lead-off of Erb-L the same key RECURS
            assertTrue(java.util.Set.of("RAISED", "RECURRED").contains(raised.getAsJsonObject("body").get("event").getAsString()),
                    alarms.toString());
            assertEquals("ACTIVE_UNACKNOWLEDGED", raised.getAsJsonObject("body").get("state").getAsString());
            assertEquals("Lead off", raised.getAsJsonObject("body").get("criterion").getAsString());
            assertEquals("technical", raised.getAsJsonObject("body").get("modality").getAsString());
            double t = raised.get("t").getAsDouble();
            assertTrue(t >= LeadOffScenario.OFF_SECONDS && t < LeadOffScenario.ON_SECONDS, "raised while the lead is off: " + t);
            assertTrue(alarms.stream().anyMatch(o -> o.getAsJsonObject("body").get("event").getAsString().equals("CLEARED")
                    && o.get("t").getAsDouble() >= LeadOffScenario.ON_SECONDS), "cleared after it is back: " + alarms);
            // watch writes alarms, events, measurements and chat, never trace frames or averages; SSEP publishes no
            // measurement within 13 s (too few sweeps), the free-running EEG and EMG processors may
            java.util.Set<String> streams = lines.stream().filter(o -> o.has("stream")).map(o -> o.get("stream").getAsString())
                    .collect(java.util.stream.Collectors.toSet());
            assertTrue(java.util.Set.of("alarm", "measurement").containsAll(streams), streams.toString());
            assertTrue(lines.stream().filter(o -> o.has("stream") && o.get("stream").getAsString().equals("measurement"))
                    .noneMatch(o -> o.toString().contains("\"ssep\"")), "no SSEP measurement within 13 s");
        } finally {
            broker.destroyForcibly();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on " + port + " (apt-get install mosquitto)");
    }
}
