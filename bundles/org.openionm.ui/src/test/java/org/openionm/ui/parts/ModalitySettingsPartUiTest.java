package org.openionm.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CCombo;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.SettingDescriptor.Option;
import org.openionm.processing.ProcessorHost;
import org.openionm.ui.parts.SettingRows.Setting;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Modality settings part against the real processor host service, with fake modalities
 * registered as services the way a modality feature registers its processor: what a row shows, an
 * edit typed into a Value cell, refused values, reset, and modalities coming and going.
 */
class ModalitySettingsPartUiTest {

    private static final String SOURCE = "Test guideline 2024";

    private final BundleContext context = FrameworkUtil.getBundle(ModalitySettingsPart.class).getBundleContext();
    /** Fake modalities by id, each registered as a service. */
    private final Map<String, ServiceRegistration<ModalityProcessor>> registered = new LinkedHashMap<>();
    private ServiceTracker<ProcessorHost, ProcessorHost> tracker;
    private ProcessorHost host;
    private Shell shell;

    /** Declares settings and ignores data: only its settings matter here. */
    private record FakeProcessor(String id, String displayName, List<SettingDescriptor> settings)
            implements ModalityProcessor {

        @Override
        public Set<ChannelRole> acceptedRoles() {
            return Set.of(ChannelRole.EMG_FREE_RUN);
        }

        @Override
        public void start(ProcessorContext ctx) {
        }

        @Override
        public void onBlock(SampleBlock block) {
        }

        @Override
        public void onStimulus(StimulusEvent event) {
        }

        @Override
        public void onGap(DataGap gap) {
        }

        @Override
        public void stop() {
        }
    }

    /** The high-pass is declared first: the alarm criteria must still be listed first. */
    private static FakeProcessor emg(String id, String name) {
        return new FakeProcessor(id, name, List.of(
                new SettingDescriptor("highpass.hz", "High-pass", "Hz", 1, 300, 30, false, "textbook"),
                new SettingDescriptor("alarm.burst.uv", "Alarm: burst amplitude", "uV", 10, 500, 100, false, SOURCE),
                new SettingDescriptor("alarm.confirmations", "Alarm: confirmations", "", 1, 5, 2, true, SOURCE)));
    }

    @BeforeEach
    void findHost() {
        tracker = new ServiceTracker<>(context, ProcessorHost.class, null);
        tracker.open();
        try {
            host = tracker.waitForService(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertNotNull(host, "the processor host service must be running");
    }

    @AfterEach
    void close() {
        registered.forEach((id, registration) -> {
            host.configure(id, Map.of()); // the host is shared with the other tests of this runtime
            registration.unregister();
        });
        if (shell != null) {
            shell.dispose();
        }
        tracker.close();
    }

    private void register(FakeProcessor processor) {
        registered.put(processor.id(), context.registerService(ModalityProcessor.class, processor, null));
        spinUntil(() -> host.processorIds().contains(processor.id()), "the host collects " + processor.id());
    }

    private ModalitySettingsPart open() {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(1400, 700);
        ModalitySettingsPart part = new ModalitySettingsPart();
        part.host = host;
        part.create(shell);
        shell.open();
        return part;
    }

    private static void choose(ModalitySettingsPart part, String id) {
        Table list = part.processors();
        for (int i = 0; i < list.getItemCount(); i++) {
            if (list.getItem(i).getText(1).equals(id)) {
                list.setSelection(i);
                list.notifyListeners(SWT.Selection, new Event());
                return;
            }
        }
        throw new AssertionError(id + " is not listed");
    }

    private static List<String> row(ModalitySettingsPart part, int index) {
        TableItem item = part.settings().viewer().getTable().getItem(index);
        List<String> cells = new ArrayList<>();
        for (int column = 0; column < SettingsTable.COLUMNS.length; column++) {
            cells.add(item.getText(column));
        }
        return cells;
    }

    /** Types {@code text} into the Value cell of row {@code index} and commits it, as Enter does. */
    private static void type(ModalitySettingsPart part, int index, String text) {
        SettingsTable table = part.settings();
        Object element = table.viewer().getElementAt(index);
        assertTrue(element instanceof Setting, "row " + index + " is a setting");
        table.viewer().editElement(element, SettingsTable.VALUE_COLUMN);
        assertTrue(table.viewer().isCellEditorActive(), "the Value cell opens an editor");
        ((Text) table.valueEditor().getControl()).setText(text);
        table.viewer().applyEditorValue();
    }

    private static boolean bold(ModalitySettingsPart part, int index, int column) {
        return (part.settings().viewer().getTable().getItem(index).getFont(column).getFontData()[0].getStyle() & SWT.BOLD) != 0;
    }

    @Test
    void rowsShowWhereEachValueComesFromAndOnlyValidEditsReachTheHost() {
        register(emg("test.emg", "Test EMG"));
        ModalitySettingsPart part = open();
        choose(part, "test.emg");

        assertEquals(5, part.settings().viewer().getTable().getItemCount());
        assertEquals(List.of("Alarm criteria", "", "", "", "", ""), row(part, 0));
        assertEquals(List.of("Alarm: burst amplitude", "100", "µV", "10 – 500", "100", SOURCE), row(part, 1));
        assertEquals(List.of("Alarm: confirmations", "2", "", "1 – 5", "2", SOURCE), row(part, 2));
        assertEquals(List.of("Processing", "", "", "", "", ""), row(part, 3));
        assertEquals(List.of("High-pass", "30", "Hz", "1 – 300", "30", "textbook"), row(part, 4));
        assertFalse(bold(part, 1, SettingsTable.VALUE_COLUMN), "a default value is not marked");
        assertFalse(part.reset().getEnabled(), "nothing to reset");

        type(part, 1, "60");
        assertEquals(60.0, host.effectiveSettings("test.emg").get("alarm.burst.uv"));
        assertEquals(List.of("Alarm: burst amplitude", "60", "µV", "10 – 500", "100", SOURCE), row(part, 1));
        assertTrue(bold(part, 1, SettingsTable.VALUE_COLUMN), "a changed value is marked");
        assertEquals("", part.error().getText());
        assertEquals("Alarm: burst amplitude set to 60 µV (default 100 µV); applies from the next acquisition start.",
                part.done().getText());
        assertTrue(part.reset().getEnabled());

        Map<String, Object> before = host.effectiveSettings("test.emg");
        type(part, 1, "900");
        assertEquals("Not changed: Alarm: burst amplitude must be between 10 and 500 uV, was 900", part.error().getText());
        type(part, 2, "2.5");
        assertEquals("Not changed: Alarm: confirmations must be a whole number, was 2.5", part.error().getText());
        type(part, 4, "thirty");
        assertEquals("Not changed: High-pass: 'thirty' is not a number", part.error().getText());
        assertEquals(before, host.effectiveSettings("test.emg"), "a refused value changes nothing");
        assertEquals("60", row(part, 1).get(SettingsTable.VALUE_COLUMN), "the table shows what is in effect");

        type(part, 4, "20,5 Hz");
        assertEquals(Map.of("alarm.burst.uv", 60.0, "alarm.confirmations", 2.0, "highpass.hz", 20.5),
                host.effectiveSettings("test.emg"), "an edit keeps the other changed values");
        assertEquals("", part.error().getText(), "a valid edit clears the last refusal");
        assertEquals("2 changed from default", part.processors().getSelection()[0].getText(2));

        part.reset().notifyListeners(SWT.Selection, new Event());
        assertEquals(Map.of("alarm.burst.uv", 100.0, "alarm.confirmations", 2.0, "highpass.hz", 30.0),
                host.effectiveSettings("test.emg"));
        assertEquals("100", row(part, 1).get(SettingsTable.VALUE_COLUMN));
        assertFalse(bold(part, 1, SettingsTable.VALUE_COLUMN));
        assertFalse(part.reset().getEnabled());
        assertTrue(part.note().getText().startsWith("Changes apply from the next acquisition start."), part.note().getText());
    }

    /** A preset to choose and a criterion to switch on, like TcMEP's. */
    private static FakeProcessor mep(String id) {
        return new FakeProcessor(id, "Test MEP", List.of(
                SettingDescriptor.choice("alarm.preset", "Alarm preset", List.of(new Option("spinal", "Spinal cord (↓ > 80 %)"),
                        new Option("brain", "Brain, brainstem, facial (↓ > 50 %)")), "spinal", SOURCE),
                SettingDescriptor.flag("alarm.morphology.enabled", "Morphology criterion on", false, SOURCE),
                new SettingDescriptor("alarm.amplitude.pct", "Amplitude decrease >", "%", 10, 100, 80, false, SOURCE)));
    }

    /** Opens the Value cell of row {@code index}: it must be the drop-down, offering {@code items}. */
    private static CCombo pick(ModalitySettingsPart part, int index, List<String> items) {
        SettingsTable table = part.settings();
        table.viewer().editElement(table.viewer().getElementAt(index), SettingsTable.VALUE_COLUMN);
        assertTrue(table.viewer().isCellEditorActive(), "the Value cell opens an editor");
        CCombo combo = (CCombo) table.pickEditor().getControl();
        assertTrue(combo.isVisible(), "a drop-down, not a text field");
        assertEquals(items, List.of(combo.getItems()));
        return combo;
    }

    @Test
    void aChoiceIsPickedByItsLabelAndAnOnOffSettingSwitched() {
        register(mep("test.mep"));
        ModalitySettingsPart part = open();
        choose(part, "test.mep");

        assertEquals(List.of("Alarm preset", "spinal", "", "spinal, brain", "spinal", SOURCE), row(part, 1));
        assertEquals(List.of("Morphology criterion on", "off", "", "on/off", "off", SOURCE), row(part, 2));
        assertEquals(List.of("Amplitude decrease >", "80", "%", "10 – 100", "80", SOURCE), row(part, 3));

        CCombo preset = pick(part, 1, List.of("Spinal cord (↓ > 80 %)", "Brain, brainstem, facial (↓ > 50 %)"));
        assertEquals(0, preset.getSelectionIndex(), "the value in effect is picked");
        preset.select(1); // what an arrow key on the closed drop-down does: the pick is the whole edit
        preset.notifyListeners(SWT.Selection, new Event());
        assertFalse(part.settings().viewer().isCellEditorActive(), "picking commits");
        assertEquals("brain", host.effectiveSettings("test.mep").get("alarm.preset"));
        assertEquals(List.of("Alarm preset", "brain", "", "spinal, brain", "spinal", SOURCE), row(part, 1));
        assertTrue(bold(part, 1, SettingsTable.VALUE_COLUMN), "a changed choice is marked");
        assertEquals("Alarm preset set to brain (default spinal); applies from the next acquisition start.", part.done().getText());

        CCombo morphology = pick(part, 2, List.of("on", "off"));
        assertEquals(1, morphology.getSelectionIndex());
        part.settings().pickEditor().setValue(0);
        part.settings().viewer().applyEditorValue();
        assertEquals(Map.of("alarm.preset", "brain", "alarm.morphology.enabled", true, "alarm.amplitude.pct", 80.0),
                host.effectiveSettings("test.mep"), "each edit keeps the others");
        assertEquals("on", row(part, 2).get(SettingsTable.VALUE_COLUMN));
        assertTrue(bold(part, 2, SettingsTable.VALUE_COLUMN));
        assertEquals("", part.error().getText());

        type(part, 3, "50");
        assertEquals(50.0, host.effectiveSettings("test.mep").get("alarm.amplitude.pct"), "a number is still typed");
        assertEquals("3 changed from default", part.processors().getSelection()[0].getText(2));
        part.reset().notifyListeners(SWT.Selection, new Event());
        assertEquals(List.of("Alarm preset", "spinal", "", "spinal, brain", "spinal", SOURCE), row(part, 1));
        assertFalse(bold(part, 1, SettingsTable.VALUE_COLUMN));
    }

    @Test
    void theListFollowsTheInstalledModalities() {
        register(emg("test.a", "Test A"));
        ModalitySettingsPart part = open();
        spinUntil(() -> names(part).contains("Test A"), "Test A is listed");
        assertFalse(names(part).contains("Test B"));

        register(emg("test.b", "Test B"));
        spinUntil(() -> names(part).contains("Test B"), "a modality installed later appears");
        choose(part, "test.b");
        type(part, 1, "150");
        assertEquals(150.0, host.effectiveSettings("test.b").get("alarm.burst.uv"), "the edit goes to the chosen modality");
        assertEquals(100.0, host.effectiveSettings("test.a").get("alarm.burst.uv"));

        registered.remove("test.a").unregister();
        spinUntil(() -> !names(part).contains("Test A"), "a removed modality disappears");
        assertNotEquals(-1, part.processors().getSelectionIndex(), "a modality stays chosen");
    }

    private static List<String> names(ModalitySettingsPart part) {
        return List.of(part.processors().getItems()).stream().map(i -> i.getText(0)).toList();
    }

    private static void spinUntil(BooleanSupplier until, String what) {
        Display display = Display.getDefault();
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline && !until.getAsBoolean()) {
            display.readAndDispatch();
        }
        assertTrue(until.getAsBoolean(), what);
    }
}
