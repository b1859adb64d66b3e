package org.openionm.cases.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.EventType;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.QuickEvents;
import org.openionm.cases.QuickEvents.QuickEvent;
import org.openionm.cases.User;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The "Events" part of the Live perspective: typed event-log entries for the open case, entered
 * fast — quick buttons for the case's procedure ({@link QuickEvents}), a type with its fields and a
 * text, Enter to log — and the case's log below, newest last, as it grows. Disabled, saying why,
 * when no case is open or the session is locked.
 */
public class EventEntryPart {

    public static final String ID = "org.openionm.cases.ui.part.events";
    static final String KEYS = "Keys: 1–9 quick events (when not typing) · Ctrl+E type an entry · Enter log · "
            + "Ctrl+I surgeon informed · Esc clear";
    private static final int POLL_MS = 500;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    @Service
    CaseWorkbench workbench;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    EPartService parts;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    MPart part;

    private Composite root;
    private ScrolledComposite scroller;
    private Composite entry;
    private Label header;
    private Button informed;
    private Composite quick;
    private final List<Button> quickButtons = new ArrayList<>();
    private List<QuickEvent> templates = List.of();
    private Combo type;
    private Composite fieldBox;
    private final Map<String, Text> fields = new LinkedHashMap<>();
    private Text text;
    private Button logButton;
    private Label status;
    private Table log;
    private QuickEvent pending;
    private String shownCaseId;
    private String shownProcedure;
    private boolean enabled = true;
    private Listener keys;
    private org.eclipse.swt.widgets.Display display;
    private final CaseWorkbench.Listener listener = new CaseWorkbench.Listener() {
        @Override
        public void eventLogged(CaseEvent event) {
            later(() -> append(event));
        }

        @Override
        public void caseChanged(Optional<MonitoringCase> current) {
            later(EventEntryPart.this::refresh);
        }

        @Override
        public void sessionChanged(Optional<User> user, boolean locked) {
            later(EventEntryPart.this::refresh);
        }
    };

    @PostConstruct
    public void create(Composite parent) {
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        header = new Label(parent, SWT.WRAP);
        header.setToolTipText(KEYS);
        header.setLayoutData(wide());

        // entry above, log below: the log keeps its share however many quick buttons wrap in a narrow stack
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller = new ScrolledComposite(sash, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.setShowFocusedControl(true); // a quick button's field to fill scrolls into view
        entry = new Composite(scroller, SWT.NONE);
        GridLayout entryLayout = grid(1);
        entryLayout.marginRight = 10; // clear of GTK's overlay scroll bar
        entry.setLayout(entryLayout);
        scroller.setContent(entry);
        scroller.addListener(SWT.Resize, e -> relayout());

        informed = new Button(entry, SWT.PUSH);
        informed.setText("Surgeon informed…  (Ctrl+I)");
        informed.setToolTipText("Who was told, by whom, and the response or intervention");
        informed.setLayoutData(wide());
        informed.addListener(SWT.Selection, e -> use(QuickEvents.SURGEON_INFORMED));

        Composite typeRow = new Composite(entry, SWT.NONE);
        typeRow.setLayout(grid(2));
        typeRow.setLayoutData(wide());
        new Label(typeRow, SWT.NONE).setText("Type");
        type = new Combo(typeRow, SWT.READ_ONLY | SWT.DROP_DOWN);
        for (EventType t : EventType.values()) {
            type.add(t.category().label() + " · " + t.label());
        }
        GridData typeData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        typeData.widthHint = 120; // the combo's natural width is its longest item: let it shrink with the stack
        type.setLayoutData(typeData);
        type.addListener(SWT.Selection, e -> {
            pending = null;
            showFields(selectedType());
        });
        fieldBox = new Composite(entry, SWT.NONE);
        fieldBox.setLayout(grid(2));
        fieldBox.setLayoutData(wide());

        Composite textRow = new Composite(entry, SWT.NONE);
        textRow.setLayout(grid(2));
        textRow.setLayoutData(wide());
        text = new Text(textRow, SWT.BORDER | SWT.SINGLE);
        text.setMessage("Text — Enter logs");
        text.setToolTipText(KEYS);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.addListener(SWT.DefaultSelection, e -> logEntry());
        logButton = new Button(textRow, SWT.PUSH);
        logButton.setText("Log");
        logButton.addListener(SWT.Selection, e -> logEntry());

        status = new Label(entry, SWT.WRAP);
        GridData statusData = wide();
        statusData.widthHint = 100; // wraps at the stack's width instead of widening the entry
        status.setLayoutData(statusData);

        // the procedure's quick buttons below the entry, so a narrow stack still shows the fields they fill
        quick = new Composite(entry, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.marginLeft = row.marginRight = 0;
        quick.setLayout(row);
        quick.setLayoutData(wide());


        Composite bottom = new Composite(sash, SWT.NONE);
        bottom.setLayout(grid(1));
        log = new Table(bottom, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        log.setHeaderVisible(true);
        for (String h : new String[] { "Case time", "Entry", "Author", "Clock" }) { // the entry visible in a narrow stack
            new TableColumn(log, SWT.LEFT).setText(h);
        }
        log.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        log.setToolTipText(KEYS);

        Label help = new Label(bottom, SWT.WRAP);
        help.setText("Keys: 1–9 · Ctrl+E · Enter · Ctrl+I · Esc (hover for help)");
        help.setToolTipText(KEYS);
        help.setLayoutData(wide());
        sash.setWeights(58, 42);

        type.select(EventType.NOTE.ordinal());
        showFields(EventType.NOTE);
        keys = this::key;
        display = parent.getDisplay();
        display.addFilter(SWT.KeyDown, keys);
        if (workbench != null) {
            workbench.addListener(listener);
        }
        refresh();
        poll();
    }

    private static GridData wide() {
        return new GridData(SWT.FILL, SWT.CENTER, true, false);
    }

    private static GridLayout grid(int columns) {
        GridLayout g = new GridLayout(columns, false);
        g.marginWidth = 0;
        g.marginHeight = 0;
        return g;
    }

    private EventType selectedType() {
        return EventType.values()[Math.max(0, type.getSelectionIndex())];
    }

    private void showFields(EventType t) {
        for (Control c : fieldBox.getChildren()) {
            c.dispose();
        }
        fields.clear();
        for (String f : t.fields()) {
            new Label(fieldBox, SWT.NONE).setText(f);
            Text field = new Text(fieldBox, SWT.BORDER | SWT.SINGLE);
            field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            field.addListener(SWT.DefaultSelection, e -> logEntry());
            field.setEnabled(enabled);
            fields.put(f, field);
        }
        relayout();
    }

    private void say(String message) {
        if (!message.equals(status.getText())) {
            status.setText(message);
            relayout();
        }
    }

    /** Lays the entry out again at the scroller's width (buttons wrap, the scroll range follows). */
    private void relayout() {
        int width = scroller.getClientArea().width;
        if (width > 0) {
            scroller.setMinSize(entry.computeSize(width, SWT.DEFAULT));
        }
        entry.layout(true, true);
        root.layout(true, true);
    }

    /** Why entry is not possible now, or empty. */
    private Optional<String> blocked() {
        if (workbench == null) {
            return Optional.of("The case service is not installed: events cannot be logged.");
        }
        if (workbench.currentCase().isEmpty()) {
            return Optional.of("No case is open: open or create one in Setup → Cases to log events.");
        }
        if (workbench.session().user().isEmpty()) {
            return Optional.of("Nobody is logged in: events cannot be attributed.");
        }
        if (workbench.session().locked()) {
            return Optional.of("The session is locked: unlock it to log events.");
        }
        return Optional.empty();
    }

    private void poll() {
        if (root.isDisposed()) {
            return;
        }
        refresh();
        root.getDisplay().timerExec(POLL_MS, this::poll);
    }

    /** Follows the open case (its quick buttons and log) and whether entry is possible. */
    void refresh() {
        if (root.isDisposed()) {
            return;
        }
        Optional<MonitoringCase> c = workbench == null ? Optional.empty() : workbench.currentCase();
        String caseId = c.map(MonitoringCase::id).orElse(null);
        String procedure = c.map(m -> m.details().procedure().type()).orElse(null);
        if (!java.util.Objects.equals(procedure, shownProcedure) || quickButtons.isEmpty() && templates.isEmpty()) {
            shownProcedure = procedure;
            buildQuickButtons(QuickEvents.forProcedure(procedure == null ? "" : procedure));
        }
        if (!java.util.Objects.equals(caseId, shownCaseId)) {
            shownCaseId = caseId;
            log.removeAll();
            if (workbench != null && caseId != null) {
                workbench.events().forEach(this::append);
            }
        }
        Optional<String> why = blocked();
        String head = why.orElseGet(() -> "Events of " + c.get().id() + " · " + c.get().label());
        if (!head.equals(header.getText())) {
            header.setText(head);
            root.layout(true, true);
        }
        setEnabled(why.isEmpty());
    }

    private void buildQuickButtons(List<QuickEvent> all) {
        quickButtons.forEach(Button::dispose);
        quickButtons.clear();
        templates = all.stream().filter(q -> q != QuickEvents.SURGEON_INFORMED).toList();
        for (int i = 0; i < templates.size(); i++) {
            QuickEvent q = templates.get(i);
            Button b = new Button(quick, SWT.PUSH);
            b.setText((i < 9 ? (i + 1) + " " : "") + q.label() + (q.immediate() ? "" : "…"));
            b.setToolTipText(q.immediate() ? "Logs " + q.type().label() + " now" + (i < 9 ? " (key " + (i + 1) + ")" : "")
                    : "Fills in " + q.type().label() + ": complete " + String.join(", ", q.toFill()) + " and press Enter"
                            + (i < 9 ? " (key " + (i + 1) + ")" : ""));
            b.addListener(SWT.Selection, e -> use(q));
            b.setEnabled(enabled);
            quickButtons.add(b);
        }
        relayout();
    }

    private void setEnabled(boolean on) {
        if (on == enabled) {
            return;
        }
        enabled = on;
        informed.setEnabled(on);
        quickButtons.forEach(b -> b.setEnabled(on));
        type.setEnabled(on);
        fields.values().forEach(f -> f.setEnabled(on));
        text.setEnabled(on);
        logButton.setEnabled(on);
    }

    /** A quick event: logged at once when it has nothing to fill, otherwise its type and preset are filled in for Enter. */
    void use(QuickEvent q) {
        if (!enabled) {
            return;
        }
        if (q.immediate()) {
            log(q.type(), q.preset(), q.text());
            return;
        }
        pending = q;
        type.select(q.type().ordinal());
        showFields(q.type());
        q.preset().forEach((k, v) -> fields.get(k).setText(v));
        text.setText(q.text());
        if (q.type() == EventType.SURGEON_INFORMED && fields.containsKey("by")) {
            workbench.session().user().ifPresent(u -> fields.get("by").setText(u.displayName()));
        }
        q.toFill().stream().map(fields::get).filter(f -> f.getText().isBlank()).findFirst().orElse(text).setFocus();
        say(q.label() + ": fill in " + String.join(", ", q.toFill()) + ", then Enter.");
    }

    /** Logs what the form holds (Enter or Log). */
    void logEntry() {
        if (!enabled) {
            return;
        }
        EventType t = selectedType();
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((k, f) -> {
            if (!f.getText().isBlank()) {
                values.put(k, f.getText().trim());
            }
        });
        if (pending != null && pending.type() == t) {
            List<String> missing = pending.toFill().stream().filter(f -> !values.containsKey(f)).toList();
            if (!missing.isEmpty()) {
                say(pending.label() + ": fill in " + String.join(", ", missing) + " first.");
                fields.get(missing.get(0)).setFocus();
                return;
            }
        }
        if (t == EventType.NOTE && values.isEmpty() && text.getText().isBlank()) {
            say("Nothing to log: type a text, or choose a type.");
            return;
        }
        if (log(t, values, text.getText().trim())) {
            clearForm();
            type.select(EventType.NOTE.ordinal()); // the next Enter writes a note, not the same event again
            showFields(EventType.NOTE);
            text.setFocus();
        }
    }

    private boolean log(EventType t, Map<String, String> values, String entryText) {
        try {
            CaseEvent e = workbench.log(t, values, entryText);
            say("Logged " + CaseTexts.caseTime(e.caseTimeSeconds()) + ": " + e.annotationText());
            return true;
        } catch (RuntimeException ex) {
            say("Not logged: " + ex.getMessage());
            return false;
        }
    }

    private void clearForm() {
        pending = null;
        fields.values().forEach(f -> f.setText(""));
        text.setText("");
    }

    private void append(CaseEvent e) {
        if (log.isDisposed() || shownCaseId == null || !shownCaseId.equals(e.caseId())) {
            return;
        }
        for (TableItem existing : log.getItems()) {
            if (e.seq() != 0 && existing.getData() instanceof CaseEvent known && known.seq() == e.seq()) {
                return; // the listener and the initial load may both bring it
            }
        }
        TableItem item = new TableItem(log, SWT.NONE);
        item.setData(e);
        item.setText(new String[] { CaseTexts.caseTime(e.caseTimeSeconds()), e.annotationText().replaceFirst("^EVENT ", ""),
                e.author(), CaseTexts.wallClock(e.wallClock()) });
        for (TableColumn c : log.getColumns()) {
            c.pack();
        }
        log.showItem(item);
    }

    /** The part's keys; only when its window has focus, and digits only when the cursor is not in a text field. */
    private void key(Event e) {
        if (root.isDisposed() || !(e.widget instanceof Control w) || w.getShell() != root.getShell()) {
            return;
        }
        boolean ctrl = (e.stateMask & SWT.MOD1) != 0;
        if (ctrl && (e.keyCode == 'e' || e.keyCode == 'E')) {
            if (parts != null && part != null) {
                parts.activate(part);
            }
            if (enabled) {
                text.setFocus();
            }
            e.doit = false;
            return;
        }
        if (!inPart(w)) {
            return;
        }
        if (ctrl && (e.keyCode == 'i' || e.keyCode == 'I')) {
            use(QuickEvents.SURGEON_INFORMED);
            e.doit = false;
        } else if (e.keyCode == SWT.ESC) {
            clearForm();
            say("");
        } else if ((e.stateMask & SWT.MODIFIER_MASK) == 0 && e.character >= '1' && e.character <= '9' && !(w instanceof Text)) {
            int i = e.character - '1';
            if (i < templates.size()) {
                use(templates.get(i));
                e.doit = false;
            }
        }
    }

    private boolean inPart(Control c) {
        for (Control p = c; p != null; p = p.getParent()) {
            if (p == root) {
                return true;
            }
        }
        return false;
    }

    @Focus
    public void focus() {
        log.setFocus(); // digits trigger the quick buttons from here; Ctrl+E moves to the text
        log.deselectAll(); // GTK selects the first row on focus: nothing is chosen here
    }

    private void later(Runnable r) {
        if (root != null && !root.isDisposed()) {
            root.getDisplay().asyncExec(() -> {
                if (!root.isDisposed()) {
                    r.run();
                }
            });
        }
    }

    @PreDestroy
    public void dispose() {
        if (workbench != null) {
            workbench.removeListener(listener);
        }
        if (keys != null && !display.isDisposed()) {
            display.removeFilter(SWT.KeyDown, keys);
        }
    }

    // for tests
    List<Button> quickButtons() {
        return quickButtons;
    }

    Button informedButton() {
        return informed;
    }

    Combo typeCombo() {
        return type;
    }

    Map<String, Text> fieldTexts() {
        return fields;
    }

    Text text() {
        return text;
    }

    Table logTable() {
        return log;
    }

    String headerText() {
        return header.getText();
    }

    String statusText() {
        return status.getText();
    }

    boolean entryEnabled() {
        return enabled;
    }
}
