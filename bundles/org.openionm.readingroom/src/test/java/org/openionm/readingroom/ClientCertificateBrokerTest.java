package org.openionm.readingroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openionm.readingroom.ReadingRoomFixture.await;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openionm.readingroom.ReadingRoomFixture.Or;
import org.openionm.testkit.MosquittoServer;
import org.openionm.testkit.MosquittoServer.ClientFiles;

/**
 * Client-certificate authentication against a real mosquitto ({@code require_certificate true},
 * {@code use_identity_as_username true}): the certificate's CN is the user the ACL applies to. A reader
 * whose certificate (key encrypted, password given) names a user assigned to case A gets case A and
 * nothing of case B; no certificate, or one signed by another CA, is refused with a message that says so.
 */
class ClientCertificateBrokerTest {

    @Test
    void certificateIsTheIdentityTheAclApplies() throws Exception {
        try (MosquittoServer broker = MosquittoServer.startWithClientCertificates(SecuredBrokerTest.ACL)) {
            BrokerSettings base = BrokerSettings.of(broker.uri(), "x").withCaFile(broker.caFile());
            ClientFiles orFiles = broker.issueClientCertificate("or-station", null);
            ClientFiles readerFiles = broker.issueClientCertificate("reader-a", "key-secret-3");
            ClientFiles foreignFiles = broker.issueForeignClientCertificate("reader-a");
            BrokerSettings orSettings = base.withClientCertificate(new ClientCertificate(orFiles.certificate(), orFiles.key(), null));
            assertEquals("reader-a", new ClientCertificate(readerFiles.certificate(), readerFiles.key(), null).commonName(),
                    "the CN, the user name the broker gives the reader (and its client id)");
            BrokerSettings readerSettings = base.withClientId("reader-a")
                    .withClientCertificate(new ClientCertificate(readerFiles.certificate(), readerFiles.key(), "key-secret-3".toCharArray()));
            try (Or a = Or.start(orSettings, "CASE-A"); Or b = Or.start(orSettings, "CASE-B");
                    ReadingRoom reader = ReadingRoom.connect(readerSettings);
                    ReadingRoom noCert = ReadingRoom.connect(base.withClientId("reader-a2"));
                    ReadingRoom foreign = ReadingRoom.connect(base.withClientId("reader-a3")
                            .withClientCertificate(new ClientCertificate(foreignFiles.certificate(), foreignFiles.key(), null)))) {
                assertTrue(a.publisher().awaitConnected(30_000), "OR with its certificate");
                assertTrue(b.publisher().awaitConnected(30_000));
                assertTrue(reader.awaitConnected(30_000), "reader with its certificate: " + reader.lastError());

                await("no certificate is refused", 30_000, () -> !noCert.lastError().isEmpty());
                assertFalse(noCert.connected());
                assertTrue(noCert.lastError().contains("may require a client certificate"), noCert.lastError());
                await("a certificate of another CA is refused", 30_000, () -> !foreign.lastError().isEmpty());
                assertFalse(foreign.connected());
                assertTrue(foreign.lastError().contains("did not accept the client certificate"), foreign.lastError());
                assertFalse(reader.toString().contains("key-secret-3") || readerSettings.toString().contains("key-secret-3"),
                        "no key password in texts");

                CaseModel ma = reader.open("CASE-A");
                CaseModel mb = reader.open("CASE-B");
                CaseModel na = noCert.open("CASE-A");
                CaseModel fa = foreign.open("CASE-A");
                await("case A's descriptor", 30_000, () -> ma.descriptor().isPresent());
                assertEquals("OR CASE-A", ma.descriptor().orElseThrow().room());
                b.raise(1, "CP1");
                b.raise(2, "CP2");
                b.publisher().logEntry(2.5, "Incision", "", "tech");
                assertTrue(b.publisher().awaitDrained(10_000));
                a.raise(3, "CP3"); // published after everything of B was accepted by the broker
                List<String> expected = a.log().stream().map(ReadingRoomFixture::entry).toList();
                assertEquals(1, expected.size());
                await("case A's alarm at the reader", 10_000, () -> ma.alarms().size() == expected.size());
                assertEquals(expected, ma.alarms().stream().map(ReadingRoomFixture::entry).toList());

                assertEquals(List.of(), mb.alarms(), "nothing of case B: reader-a is not assigned to it");
                assertEquals(List.of(), mb.events());
                assertTrue(mb.descriptor().isEmpty());
                assertEquals(0, mb.traceFramesReceived());
                assertEquals(List.of(), na.alarms(), "nothing without a certificate");
                assertTrue(na.descriptor().isEmpty());
                assertEquals(List.of(), fa.alarms(), "nothing with a certificate of another CA");
                assertTrue(fa.descriptor().isEmpty());
            }
        }
    }
}
