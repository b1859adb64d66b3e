package org.openionm.readingroom.cases.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.alarm.AlarmManager;
import org.openionm.cases.CaseWorkbench;
import org.openionm.processing.ProcessorHost;
import org.openionm.readingroom.BrokerSettings;
import org.openionm.readingroom.cases.ChatLine;
import org.openionm.readingroom.cases.OrChat;
import org.openionm.readingroom.ClientCertificate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes the workbench's open case when the framework property {@code openionm.readingroom.publish}
 * names a broker ({@code tcp://…} or {@code ssl://…}; {@code openionm.readingroom.publish.user} with the
 * password from {@code OPENIONM_MQTT_PASSWORD}, {@code openionm.readingroom.publish.ca}, a client certificate
 * {@code openionm.readingroom.publish.cert} + {@code .publish.key} (PEM; key password from
 * {@code OPENIONM_MQTT_KEY_PASSWORD}), and {@code openionm.readingroom.room} for the room readers see).
 * Without it nothing is published.
 */
@Component(immediate = true, service = OrChat.class)
public class CasePublishingComponent implements OrChat {

    /** What the OR's chat part says when this workbench does not publish. */
    static final String NOT_PUBLISHING = "This workbench does not publish to a reading room, so there is no chat: start it with "
            + "-Dopenionm.readingroom.publish=tcp://<broker>:1883 (or ssl://…) to let remote readers follow its cases.";

    static final String BROKER = "openionm.readingroom.publish";
    static final String USER = "openionm.readingroom.publish.user";
    static final String CA = "openionm.readingroom.publish.ca";
    static final String CERT = "openionm.readingroom.publish.cert";
    static final String KEY = "openionm.readingroom.publish.key";
    static final String ROOM = "openionm.readingroom.room";
    private static final System.Logger LOG = System.getLogger(CasePublishingComponent.class.getName());

    // references, not services: binding a ServiceReference does not activate the (delayed) case workbench, so
    // a runtime that publishes nothing (every headless command) does not open the case database for this
    @Reference(service = CaseWorkbench.class)
    ServiceReference<CaseWorkbench> workbench;

    @Reference(service = AcquisitionEngine.class)
    ServiceReference<AcquisitionEngine> engine;

    @Reference(service = ProcessorHost.class)
    ServiceReference<ProcessorHost> host;

    @Reference(service = AlarmManager.class)
    ServiceReference<AlarmManager> alarms;

    private volatile CasePublishing publishing;
    private volatile String problem = NOT_PUBLISHING;
    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        String uri = context.getProperty(BROKER);
        if (uri == null || uri.isBlank()) {
            return;
        }
        try {
            BrokerSettings s = BrokerSettings.of(uri.strip(), "or");
            String user = context.getProperty(USER);
            if (user != null && !user.isBlank()) {
                String password = System.getenv("OPENIONM_MQTT_PASSWORD");
                s = s.withLogin(user.strip(), password == null ? null : password.toCharArray());
            }
            String ca = context.getProperty(CA);
            if (ca != null && !ca.isBlank()) {
                s = s.withCaFile(Path.of(ca.strip()));
            }
            String cert = context.getProperty(CERT);
            String key = context.getProperty(KEY);
            boolean hasCert = cert != null && !cert.isBlank();
            boolean hasKey = key != null && !key.isBlank();
            if (hasCert != hasKey) {
                throw new IllegalArgumentException("a client certificate needs both " + CERT + " and " + KEY);
            }
            if (hasCert) {
                s = s.withClientCertificate(ClientCertificate.of(Path.of(cert.strip()), Path.of(key.strip())));
            }
            this.context = context;
            publishing = new CasePublishing(context.getService(workbench), context.getService(engine), context.getService(host),
                    context.getService(alarms), s, context.getProperty(ROOM));
            LOG.log(System.Logger.Level.INFO, "reading room: the open case is published to " + s);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "reading room: " + BROKER + ": " + e.getMessage() + "; nothing is published");
            problem = "Reading-room publishing is off: " + BROKER + ": " + e.getMessage();
        }
    }

    @Deactivate
    void deactivate() {
        if (publishing != null) {
            publishing.close();
            publishing = null;
            problem = NOT_PUBLISHING;
            for (ServiceReference<?> r : List.of(workbench, engine, host, alarms)) {
                context.ungetService(r);
            }
        }
    }

    // ---- OrChat: the open case's chat when publishing, otherwise why not -------------------------

    @Override
    public String unavailable() {
        CasePublishing p = publishing;
        return p == null ? problem : p.unavailable();
    }

    @Override
    public Optional<String> caseId() {
        CasePublishing p = publishing;
        return p == null ? Optional.empty() : p.caseId();
    }

    @Override
    public List<ChatLine> lines() {
        CasePublishing p = publishing;
        return p == null ? List.of() : p.lines();
    }

    @Override
    public ChatLine send(String text) {
        CasePublishing p = publishing;
        if (p == null) {
            throw new IllegalStateException(problem);
        }
        return p.send(text);
    }

    @Override
    public void addListener(Runnable listener) {
        CasePublishing p = publishing;
        if (p != null) {
            p.addListener(listener);
        }
    }

    @Override
    public void removeListener(Runnable listener) {
        CasePublishing p = publishing;
        if (p != null) {
            p.removeListener(listener);
        }
    }
}
