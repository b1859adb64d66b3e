package org.openionm.cli.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A mosquitto on 127.0.0.1 at a free port with a generated configuration in a temporary folder (no
 * persistence, anonymous: loopback only), for {@code bench reading-room}; stopped and removed by
 * {@link #close()}. Needs the Debian package {@code mosquitto}.
 */
final class LoopbackBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Process process;

    private LoopbackBroker(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static LoopbackBroker start() throws IOException, InterruptedException {
        Path bin = Path.of("/usr/sbin/mosquitto");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("mosquitto not found (/usr/sbin/mosquitto): apt-get install mosquitto");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("openionm-broker-");
        Files.writeString(dir.resolve("mosquitto.conf"), "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                + "max_queued_messages 100000\nuser " + System.getProperty("user.name") + "\n"
                // the broker's own counters ($SYS/broker/messages/..., bytes/...) every second, for the load run's rates
                + "sys_interval 1\n");
        Process p = new ProcessBuilder(bin.toString(), "-c", dir.resolve("mosquitto.conf").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        LoopbackBroker b = new LoopbackBroker(dir, port, p);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end && p.isAlive()) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return b;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        String log = Files.readString(dir.resolve("mosquitto.log"));
        b.close();
        throw new IllegalStateException("mosquitto did not start on port " + port + ": " + log);
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** The broker's process, for its CPU time. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
