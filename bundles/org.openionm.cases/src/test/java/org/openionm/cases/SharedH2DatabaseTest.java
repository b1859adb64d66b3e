package org.openionm.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.internal.JdbcCaseDatabase;

/**
 * The workbench and a command open the same embedded database at once: H2's mixed mode lets the
 * second in through the first one's TCP server, which listens on loopback only.
 */
class SharedH2DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void twoOpensFromTwoThreadsShareTheDatabase() throws Exception {
        DataArea area = DataArea.embedded(dir);
        TestAuditWriter audit = new TestAuditWriter();
        try (JdbcCaseDatabase first = JdbcCaseDatabase.open(area, audit)) {
            TestAuditWriter.createTable(first.dataSource());
            CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> {
                try (JdbcCaseDatabase second = JdbcCaseDatabase.open(area, audit)) {
                    return second.cases().create(CaseStoreContract.jane(), false, CaseStoreContract.TECH).id();
                }
            });
            String mine = first.cases().create(CaseStoreContract.jane(), false, CaseStoreContract.TECH).id();
            String theirs = other.get(60, TimeUnit.SECONDS);
            assertTrue(!mine.equals(theirs), mine + " and " + theirs);
            assertEquals(2, first.cases().search("", 10).size());
        }
    }

    @Test
    void aSecondProcessWorksOnTheOpenDatabaseThroughALoopbackServer() throws Exception {
        DataArea area = DataArea.embedded(dir);
        TestAuditWriter audit = new TestAuditWriter();
        try (JdbcCaseDatabase workbench = JdbcCaseDatabase.open(area, audit)) {
            TestAuditWriter.createTable(workbench.dataSource());
            String server = lockFile(area).getProperty("server", "");
            assertTrue(server.startsWith("localhost:") || server.startsWith("127.0.0.1:"), "H2's mixed-mode server is on loopback, lock file says '" + server + "'");
            int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
            assertEquals(Set.of("127.0.0.1"), listeningAddresses(port), "listens on loopback only, not on every interface");

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), SharedDatabaseChild.class.getName(), dir.toString(), "10")
                    .redirectErrorStream(true).start();
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                mine.add(workbench.cases().create(CaseStoreContract.jane(), false, CaseStoreContract.TECH).id());
            }
            String output;
            try (InputStream in = child.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the second process finished");
            assertEquals(0, child.exitValue(), output);
            List<String> theirs = output.lines().filter(l -> l.startsWith("created ")).map(l -> l.substring(8)).toList();
            assertEquals(10, theirs.size(), output);
            Set<String> all = new HashSet<>(mine);
            all.addAll(theirs);
            assertEquals(20, all.size(), "ids unique across the two processes: " + mine + " " + theirs);
            assertEquals(20, workbench.cases().search("", 100).size());
        }
    }

    private static Properties lockFile(DataArea area) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(area.databaseFolder().resolve("openionm.lock.db"))) {
            p.load(in);
        }
        return p;
    }

    /** The local addresses listening on {@code port}, from the kernel's socket tables (IPv4 and IPv6). */
    private static Set<String> listeningAddresses(int port) throws IOException {
        Set<String> out = new HashSet<>();
        for (String table : new String[] { "/proc/net/tcp", "/proc/net/tcp6" }) {
            Path p = Path.of(table);
            if (!Files.isReadable(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (Integer.parseInt(local[1], 16) == port && f[3].equals("0A")) { // 0A = LISTEN
                    out.add(address(local[0]));
                }
            }
        }
        return out;
    }

    private static String address(String hex) {
        if (hex.length() == 8) { // IPv4, little-endian
            long v = Long.parseLong(hex, 16);
            return (v & 0xff) + "." + (v >> 8 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 24 & 0xff);
        }
        if (hex.startsWith("0000000000000000FFFF0000")) { // IPv4-mapped IPv6 (Java's dual-stack socket)
            return address(hex.substring(24));
        }
        return hex.equals("00000000000000000000000000000000") ? "::" : "ipv6:" + hex;
    }
}
