package org.openionm.readingroom;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openionm.testkit.MosquittoServer;

/**
 * A test's own mosquitto on loopback, started before each test, and the ORs and readers the test
 * opened on it, closed after it in reverse order before the broker goes.
 */
final class LoopbackBroker implements BeforeEachCallback, AfterEachCallback {

    private MosquittoServer broker;
    private final List<AutoCloseable> open = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        broker = MosquittoServer.start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        open.clear();
        broker.close();
    }

    MosquittoServer broker() {
        return broker;
    }

    /** Closes {@code c} after the test. */
    <T extends AutoCloseable> T keep(T c) {
        open.add(c);
        return c;
    }
}
