package org.openionm.readingroom.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.openionm.readingroom.BrokerSettings;
import org.openionm.readingroom.CaseDescriptor;
import org.openionm.readingroom.CaseMessage;
import org.openionm.readingroom.CaseModel;
import org.openionm.readingroom.CaseModelListener;
import org.openionm.readingroom.ConnectionState;
import org.openionm.readingroom.Topics;
import org.openionm.readingroom.view.AlarmRow;
import org.openionm.readingroom.view.ReaderLayout;
import org.openionm.readingroom.view.ReaderLayoutFiles;
import org.openionm.readingroom.view.ReadingDesk;

/**
 * The reading-room desk on screen: the broker line, the live cases with Open, one column per open case
 * (side by side, each with the reader's own trace strip, measurement tiles with trends, chat and its
 * connection state), and the alarm list across cases with Acknowledge. Everything it shows comes from a
 * {@link ReadingDesk}; it redraws on a 100 ms tick (the MQTT thread only fills trace buffers and marks
 * what changed): traces scroll at 10 frames/s and a lost connection shows well within 2 s.
 */
public class ReadingRoomView extends Composite {

    static final int TICK_MS = 100;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId zone = ZoneId.systemDefault();
    private final Text brokerText;
    private final Text userText;
    private final Text passwordText;
    private final Label statusLabel;
    private final Table casesTable;
    private final Composite columnsArea;
    private final Table alarmTable;
    /** The OR's IEC 60601-1-8 alarm colours (shell AlarmColors), text chosen for contrast on either theme. */
    static final Color HIGH_BACKGROUND = new Color(0xD0, 0x10, 0x10);
    static final Color HIGH_TEXT = new Color(0xFF, 0xFF, 0xFF);
    static final Color MEDIUM_BACKGROUND = new Color(0xF2, 0xC2, 0x00);
    static final Color MEDIUM_TEXT = new Color(0, 0, 0);
    private final Text noteText;
    private final List<CaseColumn> columns = new ArrayList<>();
    private final AtomicBoolean alarmsChanged = new AtomicBoolean(true);
    private final String caFile;
    private boolean openAll;
    private ReadingDesk desk;
    private List<AlarmRow> shownRows = List.of();
    private List<String> shownCases = List.of();
    // the reader's layout: kept per reader user in the data area, restored on connecting (see restoreLayout)
    private final java.nio.file.Path layoutFolder;
    private final Label layoutLabel;
    private java.nio.file.Path layoutFile;
    private ReaderLayout savedLayout = ReaderLayout.empty();
    private final List<String> pendingRestore = new ArrayList<>();
    private boolean restoring;

    /** Pixels around a column header's text (GTK's padding and the sort arrow's gap, with room to spare). */
    private static final int HEADER_PADDING = 16;

    public ReadingRoomView(Composite parent, DeskSettings settings) {
        super(parent, SWT.NONE);
        this.caFile = settings.caFile();
        this.openAll = settings.openAll();
        this.layoutFolder = settings.layoutFolder();
        setLayout(new GridLayout(1, false));

        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new GridLayout(8, false));
        new Label(bar, SWT.NONE).setText("Broker");
        brokerText = new Text(bar, SWT.BORDER);
        brokerText.setLayoutData(new GridData(260, SWT.DEFAULT));
        brokerText.setText(settings.broker().isEmpty() ? "ssl://reading-room.hospital:8883" : settings.broker());
        new Label(bar, SWT.NONE).setText("User");
        userText = new Text(bar, SWT.BORDER);
        userText.setLayoutData(new GridData(120, SWT.DEFAULT));
        userText.setText(settings.user());
        passwordText = new Text(bar, SWT.BORDER | SWT.PASSWORD);
        passwordText.setMessage("password");
        passwordText.setLayoutData(new GridData(120, SWT.DEFAULT));
        Button connect = new Button(bar, SWT.PUSH);
        connect.setText("Connect");
        connect.addListener(SWT.Selection, e -> connect());
        statusLabel = new Label(bar, SWT.NONE);
        statusLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        statusLabel.setText("not connected");

        SashForm vertical = new SashForm(this, SWT.VERTICAL);
        vertical.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        SashForm horizontal = new SashForm(vertical, SWT.HORIZONTAL);

        Group cases = new Group(horizontal, SWT.NONE);
        cases.setText("Live cases");
        cases.setLayout(new GridLayout(1, false));
        casesTable = new Table(cases, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        casesTable.setHeaderVisible(true);
        GridData casesData = new GridData(SWT.FILL, SWT.FILL, true, true);
        casesTable.setLayoutData(casesData);
        column(casesTable, "Room", 70);
        column(casesTable, "Case", 90);
        column(casesTable, "Procedure", 130);
        casesData.minimumHeight = SashMinimums.tableMinimum(casesTable); // GTK criticals at less (a long layout note under it)
        casesTable.addListener(SWT.DefaultSelection, e -> openSelected());
        Button open = new Button(cases, SWT.PUSH);
        open.setText("Open side by side");
        open.addListener(SWT.Selection, e -> openSelected());
        layoutLabel = new Label(cases, SWT.WRAP);
        layoutLabel.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        columnsArea = new Composite(horizontal, SWT.NONE);
        columnsArea.setLayout(new GridLayout(1, true));
        Label hint = new Label(columnsArea, SWT.WRAP);
        hint.setText("Open up to three cases from the list: each gets a column with your own scale, channels, tiles and chat.");
        horizontal.setWeights(18, 82);

        Group alarms = new Group(vertical, SWT.NONE);
        alarms.setText("Alarms across cases");
        alarms.setLayout(new GridLayout(3, false));
        alarmTable = new Table(alarms, SWT.BORDER | SWT.FULL_SELECTION);
        alarmTable.setHeaderVisible(true);
        GridData alarmData = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        alarmTable.setLayoutData(alarmData);
        column(alarmTable, "Case", 150);
        column(alarmTable, "Alarm", 260);
        column(alarmTable, "Priority", 70);
        column(alarmTable, "State", 200);
        column(alarmTable, "Last", 120);
        column(alarmTable, "Case time", 75);
        column(alarmTable, "OR clock", 80);
        column(alarmTable, "By", 160);
        noteText = new Text(alarms, SWT.BORDER);
        noteText.setMessage("note for the acknowledgement (optional)");
        noteText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button ack = new Button(alarms, SWT.PUSH);
        ack.setText("Acknowledge");
        ack.addListener(SWT.Selection, e -> acknowledgeSelected());
        alarmTable.addListener(SWT.DefaultSelection, e -> acknowledgeSelected());
        // wraps beside the button rather than being cut when the window is narrow (issue 16, 1280×800)
        Label attributed = new Label(alarms, SWT.WRAP);
        attributed.setText("attributed to you at the OR");
        GridData attributedData = new GridData(SWT.FILL, SWT.CENTER, false, false);
        attributedData.widthHint = 120;
        attributed.setLayoutData(attributedData);
        vertical.setWeights(74, 26);
        alarmData.minimumHeight = SashMinimums.tableMinimum(alarmTable);
        // the alarm list keeps its header, a row and its note line in a short window (GTK criticals at less)
        GridLayout alarmsGrid = (GridLayout) alarms.getLayout();
        SashMinimums.keep(vertical, () -> 0, () -> alarms.computeTrim(0, 0, 0, 0).height + 2 * alarmsGrid.marginHeight
                + alarmsGrid.verticalSpacing + SashMinimums.tableMinimum(alarmTable) + noteText.computeSize(SWT.DEFAULT, SWT.DEFAULT).y);

        addListener(SWT.Dispose, e -> {
            if (desk != null) {
                desk.close();
            }
        });
        getDisplay().timerExec(TICK_MS, this::tick);
        if (settings.configured()) {
            connect();
        }
    }

    private static void column(Table t, String name, int width) {
        TableColumn c = new TableColumn(t, SWT.LEFT);
        c.setText(name);
        // never narrower than its header ("Case time" was cut): its text in bold, as GTK draws headers, and our padding
        int text = org.openionm.ui.widgets.layout.ClippedTexts.headerWidth(t, name) - org.openionm.ui.widgets.layout.ClippedTexts.HEADER_PADDING;
        c.setWidth(Math.max(width, text + HEADER_PADDING));
    }

    /** (Re)connects with what the broker line says; open columns are closed (they belonged to the old connection). */
    void connect() {
        BrokerSettings s;
        try {
            s = DeskSettings.connection(brokerText.getText(), userText.getText(), passwordText.getTextChars(), caFile);
        } catch (IllegalArgumentException e) {
            statusLabel.setText(e.getMessage());
            return;
        }
        passwordText.setText("");
        if (desk != null) {
            columns.forEach(CaseColumn::dispose);
            columns.clear();
            desk.close();
        }
        desk = ReadingDesk.connect(s);
        desk.addListener(new CaseModelListener() {
            @Override
            public void received(CaseModel model, CaseMessage message) {
                if (Topics.ALARM.equals(message.stream()) || Topics.DESCRIPTOR.equals(message.stream())) {
                    alarmsChanged.set(true);
                }
                CaseColumn c = columnOf(model.caseId());
                if (c != null) {
                    c.received(message); // the MQTT thread: trace into the buffer, marks only
                }
            }

            @Override
            public void connectionChanged(CaseModel model, ConnectionState state) {
                alarmsChanged.set(true);
            }
        });
        statusLabel.setText("connecting to " + s.uri() + " …");
        loadLayout();
        layout(true, true);
    }

    /** The reader's saved layout (per reader user); its cases open as they are seen live. */
    private void loadLayout() {
        pendingRestore.clear();
        savedLayout = ReaderLayout.empty();
        layoutFile = layoutFolder == null ? null : ReaderLayoutFiles.file(layoutFolder, desk.reader());
        if (layoutFile == null) {
            return;
        }
        try {
            savedLayout = ReaderLayoutFiles.load(layoutFile).orElse(ReaderLayout.empty());
            pendingRestore.addAll(savedLayout.caseIds());
            layoutLabel.setText(savedLayout.cases().isEmpty() ? "" : "Restoring your layout …");
        } catch (java.io.IOException e) { // a broken file is not a reason not to read: start empty, say so
            layoutLabel.setText("Your saved layout was not read: " + e.getMessage());
        }
    }

    /** Opens the saved cases that are live now, in the saved order; says which are not live. */
    private void restoreLayout(List<String> live) {
        if (pendingRestore.isEmpty() || !desk.room().connected()) {
            return;
        }
        restoring = true;
        try {
            for (String id : List.copyOf(pendingRestore)) {
                if (live.contains(id)) {
                    open(id);
                    pendingRestore.remove(id);
                }
            }
        } finally {
            restoring = false;
        }
        String text = pendingRestore.isEmpty() ? "Your layout is restored." : "Saved layout: " + String.join(", ", pendingRestore)
                + (pendingRestore.size() == 1 ? " is" : " are") + " not live now (opened if live again before you change the desk).";
        if (!text.equals(layoutLabel.getText())) {
            layoutLabel.setText(text);
            layoutLabel.getParent().layout(true, true);
        }
    }

    /** The reader changed the desk: the desk as it is now is the layout (saved cases not live any more are dropped). */
    private void layoutChanged() {
        if (restoring || layoutFile == null || desk == null) {
            return;
        }
        if (!pendingRestore.isEmpty()) {
            pendingRestore.clear();
            layoutLabel.setText("");
        }
        savedLayout = ReaderLayout.of(desk);
        try {
            ReaderLayoutFiles.save(layoutFile, savedLayout);
        } catch (java.io.IOException | RuntimeException e) {
            layoutLabel.setText("Your layout was not saved: " + e.getMessage());
        }
    }

    private CaseColumn columnOf(String caseId) {
        synchronized (columns) {
            for (CaseColumn c : columns) {
                if (c.caseId().equals(caseId)) {
                    return c;
                }
            }
        }
        return null;
    }

    private void openSelected() {
        for (TableItem item : casesTable.getSelection()) {
            open((String) item.getData());
        }
    }

    /** Opens a case in a new column (none twice). */
    public void open(String caseId) {
        if (desk == null || columnOf(caseId) != null) {
            return;
        }
        for (org.eclipse.swt.widgets.Control c : columnsArea.getChildren()) {
            if (c instanceof Label) {
                c.dispose(); // the hint
            }
        }
        ReadingDesk.Column model = desk.open(caseId);
        savedLayout.caseLayout(caseId).ifPresent(l -> {
            try {
                l.applyTo(model.view()); // before the column is drawn: its scale and window boxes show the saved values
            } catch (IllegalArgumentException e) {
                layoutLabel.setText("Saved layout of " + caseId + " not applied: " + e.getMessage());
            }
        });
        CaseColumn column = new CaseColumn(columnsArea, desk, model, zone, () -> close(caseId));
        column.onLayoutChange(this::layoutChanged);
        column.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        synchronized (columns) {
            columns.add(column);
        }
        ((GridLayout) columnsArea.getLayout()).numColumns = Math.max(1, columns.size());
        columnsArea.layout(true, true);
        alarmsChanged.set(true);
        layoutChanged();
    }

    private void close(String caseId) {
        CaseColumn c = columnOf(caseId);
        if (c != null) {
            synchronized (columns) {
                columns.remove(c);
            }
            c.dispose();
            desk.close(caseId);
            ((GridLayout) columnsArea.getLayout()).numColumns = Math.max(1, columns.size());
            columnsArea.layout(true, true);
            alarmsChanged.set(true);
            layoutChanged();
        }
    }

    private void acknowledgeSelected() {
        int i = alarmTable.getSelectionIndex();
        if (desk == null || i < 0 || i >= shownRows.size()) {
            return;
        }
        AlarmRow row = shownRows.get(i);
        try {
            desk.acknowledge(row, noteText.getText().strip());
            noteText.setText("");
            statusLabel.setText("acknowledged " + row.where() + " in " + row.caseLabel());
        } catch (RuntimeException e) {
            statusLabel.setText("acknowledgement not sent: " + e.getMessage());
        }
    }

    private void tick() {
        if (isDisposed()) {
            return;
        }
        try {
            refresh();
        } finally {
            getDisplay().timerExec(TICK_MS, this::tick);
        }
    }

    /** Brings everything on screen up to date with the desk (the tick calls it; tests may too). */
    public void refresh() {
        if (desk == null) {
            return;
        }
        statusLabel.setText(desk.room().connected() ? "connected as " + desk.reader() + " · " + desk.liveCases().size() + " live case(s)"
                : "not connected" + (desk.room().lastError().isEmpty() ? "" : ": " + desk.room().lastError()));
        List<CaseDescriptor> live = desk.liveCases();
        List<String> ids = live.stream().map(CaseDescriptor::caseId).toList();
        if (!ids.equals(shownCases)) {
            casesTable.removeAll();
            for (CaseDescriptor d : live) {
                TableItem item = new TableItem(casesTable, SWT.NONE);
                item.setText(new String[] { d.room(), d.caseId(), d.procedure() });
                item.setData(d.caseId());
            }
            shownCases = ids;
        }
        restoreLayout(ids);
        if (openAll && !live.isEmpty()) {
            live.stream().limit(DeskSettings.AUTO_OPEN_MAX).forEach(d -> open(d.caseId()));
            openAll = columns.size() < Math.min(DeskSettings.AUTO_OPEN_MAX, live.size());
        }
        List<CaseColumn> snapshot;
        synchronized (columns) {
            snapshot = List.copyOf(columns);
        }
        snapshot.forEach(CaseColumn::refresh);
        if (alarmsChanged.getAndSet(false)) {
            refreshAlarms();
        }
    }

    private void refreshAlarms() {
        AlarmRow selected = alarmTable.getSelectionIndex() >= 0 && alarmTable.getSelectionIndex() < shownRows.size()
                ? shownRows.get(alarmTable.getSelectionIndex()) : null;
        shownRows = desk.alarmRows();
        alarmTable.removeAll();
        for (AlarmRow r : shownRows) {
            TableItem item = new TableItem(alarmTable, SWT.NONE);
            item.setText(new String[] { r.caseLabel(), r.where(), r.priority(), r.state(), r.event(),
                    Double.isFinite(r.caseSeconds()) ? String.format(Locale.ROOT, "%d:%02d", (long) r.caseSeconds() / 60, (long) r.caseSeconds() % 60) : "",
                    CLOCK.format(java.time.Instant.ofEpochMilli(r.wallMillis()).atZone(zone)), r.user() });
            if (r.unacknowledged() && "HIGH".equals(r.priority())) {
                item.setBackground(HIGH_BACKGROUND);
                item.setForeground(HIGH_TEXT);
            } else if (r.unacknowledged()) {
                // the theme's text colour (white on the dark theme) could not be read on yellow
                item.setBackground(MEDIUM_BACKGROUND);
                item.setForeground(MEDIUM_TEXT);
            }
            if (selected != null && selected.caseId().equals(r.caseId()) && selected.key().equals(r.key())) {
                alarmTable.setSelection(item);
            }
        }
    }

    // ---- for tests -----------------------------------------------------------------------------

    void acknowledgeSelectedForTest() {
        acknowledgeSelected();
    }

    ReadingDesk desk() {
        return desk;
    }

    Table alarmTable() {
        return alarmTable;
    }

    Table casesTable() {
        return casesTable;
    }

    List<CaseColumn> columns() {
        synchronized (columns) {
            return List.copyOf(columns);
        }
    }

    String layoutText() {
        return layoutLabel.getText();
    }

    void flagAlarmsChanged() {
        alarmsChanged.set(true);
    }
}
