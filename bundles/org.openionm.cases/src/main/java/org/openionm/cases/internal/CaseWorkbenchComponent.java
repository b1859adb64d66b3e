package org.openionm.cases.internal;

import java.time.Clock;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.alarm.AlarmManager;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.DataArea;
import org.openionm.processing.ProcessorHost;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes the workbench's {@link CaseWorkbench}. The data area comes from the launcher
 * ({@code -Dopenionm.data}, set from {@code --data} or {@code OPENIONM_DATA}); the demo login is on
 * unless the framework property {@code openionm.demo} is {@code false} (a site configuration's
 * {@code demo: false}). Not immediate: only the workbench UI asks for it, headless commands open the
 * database themselves.
 */
@Component(service = CaseWorkbench.class)
public class CaseWorkbenchComponent implements CaseWorkbench {

    @Reference
    AcquisitionEngine engine;

    @Reference
    ProcessorHost host;

    @Reference
    AlarmManager alarms;

    /** The UI asks for this service while it builds its first parts: the first trace comes first. */
    static final long OPEN_DELAY_MS = 2500;

    private DefaultCaseWorkbench workbench;

    @Activate
    void activate(BundleContext context) {
        DataArea area = DataArea.resolve(context.getProperty(DataArea.PROPERTY), System.getenv());
        boolean demo = !"false".equalsIgnoreCase(context.getProperty("openionm.demo"));
        workbench = new DefaultCaseWorkbench(area, demo, engine, host, alarms, Clock.systemUTC());
        workbench.start(OPEN_DELAY_MS);
    }

    @Deactivate
    void deactivate() {
        workbench.dispose();
    }

    // CaseWorkbench, delegated: DS needs a class it can instantiate, the logic stays in the plain-Java class

    @Override
    public java.util.Optional<org.openionm.cases.CaseDatabase> database() {
        return workbench.database();
    }

    @Override
    public String databaseStatus() {
        return workbench.databaseStatus();
    }

    @Override
    public org.openionm.cases.UserSession session() {
        return workbench.session();
    }

    @Override
    public java.util.Optional<org.openionm.cases.MonitoringCase> currentCase() {
        return workbench.currentCase();
    }

    @Override
    public org.openionm.cases.MonitoringCase create(org.openionm.cases.CaseDetails details, boolean demo) {
        return workbench.create(details, demo);
    }

    @Override
    public org.openionm.cases.MonitoringCase open(String caseId) {
        return workbench.open(caseId);
    }

    @Override
    public org.openionm.cases.MonitoringCase openDemoCase() {
        return workbench.openDemoCase();
    }

    @Override
    public void closeCase() {
        workbench.closeCase();
    }

    @Override
    public org.openionm.cases.CaseEvent log(org.openionm.cases.EventType type, java.util.Map<String, String> fields, String text) {
        return workbench.log(type, fields, text);
    }

    @Override
    public java.util.List<org.openionm.cases.CaseEvent> events() {
        return workbench.events();
    }

    @Override
    public RecordingStatus recording() {
        return workbench.recording();
    }

    @Override
    public java.util.List<String> recoveryMessages() {
        return workbench.recoveryMessages();
    }

    @Override
    public void addListener(Listener listener) {
        workbench.addListener(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        workbench.removeListener(listener);
    }
}
