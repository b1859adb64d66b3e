package org.openionm.readingroom.internal;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.openionm.readingroom.BrokerSettings;

/**
 * One MQTT 5 connection kept up by its own thread: connects, and after a loss reconnects with
 * exponential back-off (0.25 s doubling to 8 s), so nobody calling {@link #publish} ever waits for a
 * broker that is away — they see {@link #connected()} false and decide (drop a frame, keep a QoS 1
 * message). A clean session each time: whoever uses the link subscribes again in {@code onConnected}
 * and catches up by sequence number (the reading room's history request), not by broker state.
 */
public final class MqttLink implements AutoCloseable {

    /** What happens on the link; called on Paho's or the link's thread, never while holding the link's lock. */
    public interface Handler {
        void connected(MqttAsyncClient client) throws MqttException;

        void lost(String reason);

        void message(String topic, MqttMessage message);
    }

    static final long FIRST_BACKOFF_MS = 250;
    static final long MAX_BACKOFF_MS = 8000;
    private static final long CONNECT_TIMEOUT_MS = 5000;

    private final BrokerSettings settings;
    private final Handler handler;
    private final Consumer<MqttConnectionOptions> options;
    private final Thread thread;
    private final Object lock = new Object();
    private MqttAsyncClient client;
    private boolean connected;
    // set once the handler's connected() ran (subscriptions made): before that a request could be
    // answered on a response topic the reader has not subscribed yet
    private boolean ready;
    private boolean closed;
    private String lastError = "";
    private long connects;

    /** {@code options} adds to the connection options (the OR's will). */
    public MqttLink(BrokerSettings settings, Handler handler, Consumer<MqttConnectionOptions> options) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.options = options == null ? o -> { } : options;
        this.thread = new Thread(this::run, "openionm-mqtt-" + settings.clientId());
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** True once connected and the handler has subscribed. */
    public boolean connected() {
        synchronized (lock) {
            return connected && ready;
        }
    }

    /** Blocks until connected or the timeout passes; true when connected. */
    public boolean awaitConnected(long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        synchronized (lock) {
            while (!(connected && ready) && !closed) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                lock.wait(left);
            }
            return connected && ready;
        }
    }

    /** Why the last connection attempt or connection failed ("" when none did). */
    public String lastError() {
        synchronized (lock) {
            return lastError;
        }
    }

    public long connects() {
        synchronized (lock) {
            return connects;
        }
    }

    /** Publishes; throws when not connected (the caller keeps what must not be lost). */
    public IMqttToken publish(String topic, byte[] payload, int qos, boolean retained, MqttProperties properties)
            throws MqttException {
        MqttAsyncClient c;
        synchronized (lock) {
            if (!connected) {
                throw new MqttException(32104); // Paho's "client not connected"
            }
            c = client;
        }
        MqttMessage m = new MqttMessage(payload, qos, retained, properties == null ? new MqttProperties() : properties);
        return c.publish(topic, m);
    }

    /** Marks the connection lost (a publish that timed out): the link thread reconnects. */
    public void reportBroken(String reason) {
        MqttAsyncClient c;
        synchronized (lock) {
            if (!connected) {
                return;
            }
            connected = false;
            lastError = reason;
            c = client;
            lock.notifyAll();
        }
        closeQuietly(c);
        handler.lost(reason);
    }

    private void run() {
        long backoff = FIRST_BACKOFF_MS;
        while (true) {
            synchronized (lock) {
                while (connected && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
            }
            if (connectOnce()) {
                backoff = FIRST_BACKOFF_MS;
                continue;
            }
            synchronized (lock) {
                try {
                    if (!closed) {
                        lock.wait(backoff);
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
    }

    private boolean connectOnce() {
        MqttAsyncClient c = null;
        try {
            c = new MqttAsyncClient(settings.uri(), settings.clientId(), new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            o.setAutomaticReconnect(false);
            o.setKeepAliveInterval(5);
            o.setConnectionTimeout((int) (CONNECT_TIMEOUT_MS / 1000));
            o.setReceiveMaximum(1000);
            if (settings.user() != null) {
                o.setUserName(settings.user());
            }
            if (settings.password() != null) {
                o.setPassword(new String(settings.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            if (settings.tls()) {
                o.setSocketFactory(Tls.socketFactory(settings.caFile(), settings.clientCertificate()));
                o.setHttpsHostnameVerificationEnabled(true);
            }
            options.accept(o);
            MqttAsyncClient self = c;
            c.setCallback(new MqttCallback() {
                @Override
                public void disconnected(MqttDisconnectResponse response) {
                    lostBy(self, "disconnected by the broker: " + response.getReasonString() + " (" + response.getReturnCode() + ")");
                }

                @Override
                public void mqttErrorOccurred(MqttException exception) {
                    lostBy(self, describe(exception));
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    handler.message(topic, message);
                }

                @Override
                public void deliveryComplete(IMqttToken token) {
                }

                @Override
                public void connectComplete(boolean reconnect, String serverURI) {
                }

                @Override
                public void authPacketArrived(int reasonCode, MqttProperties properties) {
                }
            });
            c.connect(o).waitForCompletion(CONNECT_TIMEOUT_MS + 1000);
            synchronized (lock) {
                if (closed) {
                    closeQuietly(c);
                    return true;
                }
                client = c;
                connected = true;
                ready = false;
                connects++;
                lastError = "";
                lock.notifyAll();
            }
            handler.connected(c);
            synchronized (lock) {
                ready = connected && client == c;
                lock.notifyAll();
            }
            return true;
        } catch (MqttException | IOException | RuntimeException e) {
            String reason = e instanceof MqttException m ? describe(m) : e.getMessage();
            if (settings.tls()) {
                reason = describeTls(e, settings.clientCertificate() != null, reason);
            }
            boolean wasUp;
            synchronized (lock) {
                wasUp = connected && client == c;
                connected = false;
                lastError = reason;
                lock.notifyAll();
            }
            closeQuietly(c);
            if (wasUp) {
                handler.lost(reason);
            }
            return false;
        }
    }

    private void lostBy(MqttAsyncClient c, String reason) {
        synchronized (lock) {
            if (client != c || !connected) {
                return;
            }
            connected = false;
            lastError = reason;
            lock.notifyAll();
        }
        handler.lost(reason);
    }

    /** A message without credentials: Paho's reason text and code. */
    static String describe(MqttException e) {
        String cause = e.getCause() == null ? "" : ": " + e.getCause().getMessage();
        return switch (e.getReasonCode()) {
            case 134, 135, 4, 5 -> "not authorized by the broker (bad user name or password, or no access)";
            default -> e.getMessage() + " (" + e.getReasonCode() + ")" + cause;
        };
    }

    /**
     * A refused TLS handshake in words a reader can act on: an untrusted broker, or a broker that wants
     * a (different) client certificate. {@code otherwise} when the failure was not TLS.
     */
    static String describeTls(Throwable e, boolean clientCertificate, String otherwise) {
        Throwable refusal = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException ssl) {
                String m = String.valueOf(ssl.getMessage());
                if (m.contains("PKIX") || m.contains("No subject alternative") || m.contains("No name matching")) {
                    return "the broker's certificate is not trusted (check the CA file and the broker's host name): " + m;
                }
                refusal = t;
                break;
            }
            // a broker refusing the client's certificate (TLS 1.2 alert after the client's last handshake
            // message) often shows only as a broken pipe or reset when the client then sends CONNECT
            if (refusal == null && !(t instanceof java.net.ConnectException)
                    && (t instanceof java.net.SocketException || t instanceof java.io.EOFException)) {
                refusal = t;
            }
        }
        if (refusal != null) {
            String m = String.valueOf(refusal.getMessage());
            return clientCertificate
                    ? "the broker refused the TLS connection (" + m + "): it did not accept the client certificate"
                            + " (not signed by a CA the broker trusts, expired, or not for this broker)"
                    : "the broker refused the TLS connection (" + m + "): it may require a client certificate"
                            + " (--cert/--key, or openionm.readingroom.cert/.key)";
        }
        return otherwise;
    }

    private static void closeQuietly(MqttAsyncClient c) {
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnectForcibly(0, 1000, false);
            }
        } catch (MqttException | RuntimeException e) {
            // already gone
        }
        try {
            c.close();
        } catch (MqttException | RuntimeException e) {
            // already closed
        }
    }

    /** Disconnects (normally: the broker does not send the will) and ends the thread. */
    @Override
    public void close() {
        MqttAsyncClient c;
        synchronized (lock) {
            closed = true;
            connected = false;
            c = client;
            client = null;
            lock.notifyAll();
        }
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(2000).waitForCompletion(2000);
                }
            } catch (MqttException | RuntimeException e) {
                // the broker is away: nothing to tell it
            }
            closeQuietly(c);
        }
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
