package org.openionm.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away mosquitto for tests: a generated config in a temporary folder, listening only on
 * 127.0.0.1 at a free port, no persistence; optionally TLS (CA + server certificate generated with
 * {@code openssl}, SAN IP:127.0.0.1), a password file ({@code mosquitto_passwd}) and an ACL file, or
 * client-certificate authentication ({@link #startWithClientCertificates(String)}). It can
 * be killed and started again on the same port (the broker restart test). Missing binaries fail the
 * test with what to install: the broker is tested for real, never skipped. For the reading room and
 * any plugin that talks MQTT.
 *
 * @since 0.3.0
 */
public final class MosquittoServer implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final boolean tls;
    private Process process;
    private int issued;

    private MosquittoServer(Path dir, int port, boolean tls) {
        this.dir = dir;
        this.port = port;
        this.tls = tls;
    }

    /** A plain broker, anonymous access. */
    public static MosquittoServer start() throws IOException, InterruptedException {
        return start(false, Map.of(), null);
    }

    /**
     * A broker; with {@code tls} a generated CA and server certificate; with {@code users} (name →
     * password) password authentication and no anonymous access; {@code acl} the text of an ACL file.
     */
    public static MosquittoServer start(boolean tls, Map<String, String> users, String acl) throws IOException, InterruptedException {
        Path bin = Path.of("/usr/sbin/mosquitto");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("mosquitto not found (/usr/sbin/mosquitto): install it with 'apt-get install mosquitto'"
                    + " (CI does, in .ci/run); the reading room is tested against a real broker");
        }
        Path dir = Files.createTempDirectory("openionm-mqtt-");
        MosquittoServer s = new MosquittoServer(dir, freePort(), tls);
        try {
            s.configure(users, acl, false);
            s.restart();
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * A TLS broker that admits only clients with a certificate signed by its CA ({@code require_certificate
     * true}) and takes the certificate's CN as the user name its ACL applies to ({@code
     * use_identity_as_username true}); no passwords. Certificates for it: {@link #issueClientCertificate}.
     *
     * @since 0.4.0
     */
    public static MosquittoServer startWithClientCertificates(String acl) throws IOException, InterruptedException {
        Path bin = Path.of("/usr/sbin/mosquitto");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("mosquitto not found (/usr/sbin/mosquitto): install it with 'apt-get install mosquitto'");
        }
        Path dir = Files.createTempDirectory("openionm-mqtt-");
        MosquittoServer s = new MosquittoServer(dir, freePort(), true);
        try {
            s.configure(Map.of(), acl, true);
            s.restart();
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * PEM files of a client certificate and its private key (PKCS#8).
     *
     * @since 0.4.0
     */
    public record ClientFiles(Path certificate, Path key) {
    }

    /**
     * A client key and certificate with CN {@code commonName}, signed by this broker's CA (a TLS broker
     * only); {@code keyPassword} non-null: the key is encrypted with it (PKCS#8, AES-256).
     *
     * @since 0.4.0
     */
    public ClientFiles issueClientCertificate(String commonName, String keyPassword) throws IOException, InterruptedException {
        if (!tls) {
            throw new IllegalStateException("client certificates need a TLS broker");
        }
        return issue(commonName, keyPassword, dir.resolve("ca.pem"), dir.resolve("ca.key"));
    }

    /**
     * A client key and certificate with CN {@code commonName} signed by a CA of its own that this broker
     * does not know (what a broker must refuse).
     *
     * @since 0.4.0
     */
    public ClientFiles issueForeignClientCertificate(String commonName) throws IOException, InterruptedException {
        String n = "foreign-ca-" + ++issued;
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Some other CA",
                "-keyout", dir.resolve(n + ".key").toString(), "-out", dir.resolve(n + ".pem").toString()));
        return issue(commonName, null, dir.resolve(n + ".pem"), dir.resolve(n + ".key"));
    }

    private ClientFiles issue(String commonName, String keyPassword, Path ca, Path caKey) throws IOException, InterruptedException {
        String n = "client-" + ++issued;
        Path key = dir.resolve(n + ".key");
        Path csr = dir.resolve(n + ".csr");
        Path cert = dir.resolve(n + ".pem");
        List<String> genKey = new java.util.ArrayList<>(List.of("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt",
                "rsa_keygen_bits:2048", "-out", key.toString()));
        if (keyPassword != null) {
            genKey.addAll(List.of("-aes-256-cbc", "-pass", "pass:" + keyPassword));
        }
        run(genKey);
        List<String> req = new java.util.ArrayList<>(List.of("openssl", "req", "-new", "-key", key.toString(), "-subj", "/CN=" + commonName,
                "-out", csr.toString()));
        if (keyPassword != null) {
            req.addAll(List.of("-passin", "pass:" + keyPassword));
        }
        run(req);
        Files.writeString(dir.resolve(n + ".ext"), "extendedKeyUsage=clientAuth\n");
        run(List.of("openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-days", "2", "-extfile", dir.resolve(n + ".ext").toString(), "-out", cert.toString()));
        return new ClientFiles(cert, key);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void configure(Map<String, String> users, String acl, boolean clientCertificates) throws IOException, InterruptedException {
        StringBuilder conf = new StringBuilder();
        conf.append("listener ").append(port).append(" 127.0.0.1\n");
        conf.append("persistence false\n");
        // started as root mosquitto switches to the 'mosquitto' user, who cannot write into our temporary folder
        conf.append("user ").append(System.getProperty("user.name")).append('\n');
        conf.append("log_dest file ").append(dir.resolve("mosquitto.log")).append('\n');
        conf.append("log_type error\nlog_type warning\nlog_type notice\n");
        conf.append("max_queued_messages 100000\n");
        if (tls) {
            generateCertificates();
            conf.append("cafile ").append(dir.resolve("ca.pem")).append('\n');
            conf.append("certfile ").append(dir.resolve("server.pem")).append('\n');
            conf.append("keyfile ").append(dir.resolve("server.key")).append('\n');
            conf.append("tls_version tlsv1.2\n");
        }
        if (clientCertificates) {
            conf.append("require_certificate true\nuse_identity_as_username true\nallow_anonymous false\n");
        } else if (users.isEmpty()) {
            conf.append("allow_anonymous true\n");
        } else {
            conf.append("allow_anonymous false\n");
            Path pw = dir.resolve("passwd");
            Files.writeString(pw, "");
            for (Map.Entry<String, String> u : users.entrySet()) {
                run(List.of("mosquitto_passwd", "-b", pw.toString(), u.getKey(), u.getValue()));
            }
            conf.append("password_file ").append(pw).append('\n');
        }
        if (acl != null) {
            Path aclFile = dir.resolve("acl");
            Files.writeString(aclFile, acl);
            conf.append("acl_file ").append(aclFile).append('\n');
        }
        Files.writeString(dir.resolve("mosquitto.conf"), conf);
    }

    private void generateCertificates() throws IOException, InterruptedException {
        String d = dir.toString();
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=OpenIONM test CA",
                "-keyout", d + "/ca.key", "-out", d + "/ca.pem"));
        run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", d + "/server.key",
                "-out", d + "/server.csr"));
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        run(List.of("openssl", "x509", "-req", "-in", d + "/server.csr", "-CA", d + "/ca.pem", "-CAkey", d + "/ca.key",
                "-CAcreateserial", "-days", "2", "-extfile", d + "/san.ext", "-out", d + "/server.pem"));
    }

    private void run(List<String> cmd) throws IOException, InterruptedException {
        Path out = dir.resolve("cmd.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(cmd.get(0) + " exited with " + p.exitValue() + ": " + Files.readString(out));
        }
    }

    /** Starts the broker (again, after {@link #kill()}) and waits until it accepts connections. */
    public void restart() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("mosquitto is running");
        }
        process = new ProcessBuilder("/usr/sbin/mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("stdout.log")) + logText());
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on port " + port + " within 20 s" + logText());
    }

    private String logText() throws IOException {
        Path log = dir.resolve("mosquitto.log");
        return Files.exists(log) ? "\n" + Files.readString(log) : "";
    }

    /** Kills the broker at once (SIGKILL): every client loses its connection, nothing is kept. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    public String uri() {
        return (tls ? "ssl" : "tcp") + "://127.0.0.1:" + port;
    }

    public Path caFile() {
        return dir.resolve("ca.pem");
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** The broker's log, for a readable failure. */
    public String log() throws IOException {
        return logText();
    }
}
