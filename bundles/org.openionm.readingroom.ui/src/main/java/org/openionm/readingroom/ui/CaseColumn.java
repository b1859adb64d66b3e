package org.openionm.readingroom.ui;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.openionm.readingroom.CaseMessage;
import org.openionm.readingroom.Topics;
import org.openionm.readingroom.view.CaseView;
import org.openionm.readingroom.view.EnvelopeBlock;
import org.openionm.readingroom.view.ReadingDesk;
import org.openionm.ui.widgets.trace.TraceBuffer;
import org.openionm.ui.widgets.trace.TraceCanvas;

/**
 * One open case on the desk: its title and connection state ("connection lost since hh:mm:ss" on red),
 * the reader's own trace strip (channels and scale chosen here, not at the OR; the OR's min/max
 * envelope drawn by the workbench's TraceCanvas), the latest measurements with their trends, and the
 * case's chat.
 */
final class CaseColumn extends Composite {

    private static final double[] SCALES_UV = { 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000 };
    private static final double[] WINDOWS_S = { 5, 10, 20, 30 };
    /** Seconds of envelope a column keeps (the longest window). */
    private static final double BUFFER_S = 30;
    private static final int SPARK_POINTS = 16;

    private final ReadingDesk desk;
    private final ReadingDesk.Column model;
    private final ZoneId zone;
    private final Label title;
    private final Label connection;
    private final TraceCanvas traces;
    private final Table tiles;
    private final org.eclipse.swt.widgets.List chat;
    private final Text chatText;
    private final Font bold;
    private final Object bufferLock = new Object();
    private TraceBuffer buffer; // written on the MQTT thread, drawn on the UI thread (TraceBuffer locks)
    private List<Integer> bufferChannels = List.of();
    private String bufferEpoch = "";
    private volatile boolean sourceChanged;
    private volatile boolean tilesChanged = true;
    private volatile boolean chatChanged = true;
    private Runnable layoutChanged = () -> { };
    private Combo scaleCombo;
    private Combo windowCombo;
    /** Frame → screen latency (-Dopenionm.readingroom.stats=file); null, and free, when off. */
    private final ScreenLatencyStats stats = ScreenLatencyStats.fromSystemProperty();

    CaseColumn(Composite parent, ReadingDesk desk, ReadingDesk.Column model, ZoneId zone, Runnable onClose) {
        super(parent, SWT.BORDER);
        this.desk = desk;
        this.model = model;
        this.zone = zone;
        // two columns (title | Close, chat | Send) and the view controls in a wrapping row: three columns
        // side by side at 1280×800 are ~330 px each, narrower than the six fixed-width controls of one
        // grid row, which pushed Close and Send past the column's edge (issue 16)
        setLayout(new GridLayout(2, false));

        title = new Label(this, SWT.WRAP);
        FontData fd = title.getFont().getFontData()[0];
        bold = new Font(getDisplay(), fd.getName(), fd.getHeight() + 1, SWT.BOLD);
        title.setFont(bold);
        title.setLayoutData(wrapping(1));
        Button close = new Button(this, SWT.PUSH);
        close.setText("Close");
        close.setToolTipText("Take this case off the desk");
        close.addListener(SWT.Selection, e -> onClose.run());
        close.setLayoutData(new GridData(SWT.END, SWT.TOP, false, false));

        connection = new Label(this, SWT.WRAP);
        connection.setLayoutData(wrapping(2));

        Composite controls = new Composite(this, SWT.NONE);
        org.eclipse.swt.layout.RowLayout row = new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.center = true;
        row.marginLeft = row.marginRight = row.marginTop = row.marginBottom = 0;
        controls.setLayout(row);
        controls.setLayoutData(wrapping(2));
        new Label(controls, SWT.NONE).setText("Scale");
        Combo scale = new Combo(controls, SWT.READ_ONLY);
        for (double s : SCALES_UV) {
            scale.add(String.format(Locale.ROOT, "±%.0f µV", s));
        }
        scale.select(indexOf(SCALES_UV, model.view().scaleUv()));
        scale.addListener(SWT.Selection, e -> setScale(SCALES_UV[scale.getSelectionIndex()]));
        scaleCombo = scale;
        Combo window = new Combo(controls, SWT.READ_ONLY);
        for (double w : WINDOWS_S) {
            window.add(String.format(Locale.ROOT, "%.0f s", w));
        }
        window.select(indexOf(WINDOWS_S, model.view().windowSeconds()));
        window.addListener(SWT.Selection, e -> setWindow(WINDOWS_S[window.getSelectionIndex()]));
        windowCombo = window;
        Button channels = new Button(controls, SWT.PUSH);
        channels.setText("Channels…");
        channels.addListener(SWT.Selection, e -> chooseChannels(channels));

        // strip, tiles and chat share the column's height (the reader drags the sashes)
        org.eclipse.swt.custom.SashForm body = new org.eclipse.swt.custom.SashForm(this, SWT.VERTICAL);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        traces = new TraceCanvas(body, SWT.NONE);
        if (stats != null) {
            traces.addListener(SWT.Paint, e -> stats.painted(this, traces.lastPaintedNewestIndex()));
        }
        traces.setWindowSeconds(model.view().windowSeconds());

        tiles = new Table(body, SWT.BORDER | SWT.FULL_SELECTION);
        tiles.setHeaderVisible(true);
        for (String[] c : new String[][] { { "Measurement", "175" }, { "Latest (vs first)", "115" }, { "Trend", "80" } }) {
            TableColumn tc = new TableColumn(tiles, SWT.LEFT);
            tc.setText(c[0]);
            // never narrower than its header ("Latest (vs first)" was cut)
            tc.setWidth(Math.max(Integer.parseInt(c[1]), org.openionm.ui.widgets.layout.ClippedTexts.headerWidth(tiles, c[0])));
        }

        chat = new org.eclipse.swt.widgets.List(body, SWT.BORDER | SWT.V_SCROLL);
        body.setWeights(55, 28, 17);
        chatText = new Text(this, SWT.BORDER);
        chatText.setMessage("message to the OR");
        GridData chatData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        chatData.widthHint = 1; // the room left of Send, not the hint text's width
        chatText.setLayoutData(chatData);
        chatText.addListener(SWT.DefaultSelection, e -> send());
        Button send = new Button(this, SWT.PUSH);
        send.setText("Send");
        send.addListener(SWT.Selection, e -> send());
        addListener(SWT.Dispose, e -> bold.dispose());
        refresh();
    }

    /** A label or row that takes the width it is given ({@code span} grid columns) and wraps to it. */
    private static GridData wrapping(int span) {
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1);
        d.widthHint = 1;
        return d;
    }

    String caseId() {
        return model.caseId();
    }

    /** Called after the reader changed this column's scale, window or channels (the view saves the layout). */
    void onLayoutChange(Runnable r) {
        layoutChanged = r;
    }

    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= v) {
                return i;
            }
        }
        return values.length - 1;
    }

    private void setScale(double uv) {
        model.view().scaleUv(uv);
        for (int i = 0; i < traces.traces().size(); i++) {
            traces.setScale(i, uv);
        }
        layoutChanged.run();
    }

    private void setWindow(double seconds) {
        model.view().windowSeconds(seconds);
        traces.setWindowSeconds(seconds);
        layoutChanged.run();
    }

    private void chooseChannels(Button anchor) {
        List<String> labels = ReadingDesk.channelLabels(model.model());
        Menu menu = new Menu(anchor);
        List<Integer> chosen = new ArrayList<>(model.view().channels());
        for (int i = 0; i < labels.size(); i++) {
            int index = i;
            MenuItem item = new MenuItem(menu, SWT.CHECK);
            item.setText(labels.get(i));
            item.setSelection(chosen.contains(i));
            item.addListener(SWT.Selection, e -> {
                List<Integer> now = new ArrayList<>(model.view().channels());
                if (item.getSelection() && !now.contains(index)) {
                    now.add(index);
                    now.sort(null);
                } else {
                    now.remove(Integer.valueOf(index));
                }
                model.view().chooseChannels(now);
                synchronized (bufferLock) {
                    buffer = null; // a new strip from the next frame on
                }
                layoutChanged.run();
            });
        }
        Point p = anchor.toDisplay(0, anchor.getSize().y);
        menu.setLocation(p);
        menu.setVisible(true);
    }

    private void send() {
        String text = chatText.getText();
        if (text.isBlank()) {
            return;
        }
        try {
            desk.chat(caseId(), text);
            chatText.setText("");
        } catch (RuntimeException e) {
            connection.setText("chat not sent: " + e.getMessage());
        }
    }

    /** On the MQTT thread: a trace frame goes into the strip's buffer, anything else marks what to redraw. */
    void received(CaseMessage m) {
        switch (m.stream()) {
            case Topics.TRACE -> {
                synchronized (bufferLock) {
                    List<Integer> channels = model.view().channels();
                    if (channels.isEmpty()) {
                        return;
                    }
                    EnvelopeBlock b = EnvelopeBlock.of(m, channels);
                    // a restarted OR (new epoch) counts samples from 0 again: a new strip, not a jump back
                    if (buffer == null || buffer.samplingRateHz() != b.rate() || !channels.equals(bufferChannels)
                            || !m.epoch().equals(bufferEpoch)) {
                        buffer = new TraceBuffer(channels.size(), b.rate(), BUFFER_S);
                        bufferChannels = channels;
                        bufferEpoch = m.epoch();
                        sourceChanged = true;
                        if (stats != null) {
                            stats.bufferReplaced(this);
                        }
                    }
                    buffer.append(b.firstIndex(), b.samples());
                    if (stats != null && b.samples().length > 0) {
                        stats.frameAppended(this, b.firstIndex() + b.samples()[0].length, m.wallMillis());
                    }
                }
            }
            case Topics.MEASUREMENT, Topics.TREND -> tilesChanged = true;
            case Topics.CHAT -> chatChanged = true;
            default -> {
                // descriptor, channels, status: the tick re-reads them
            }
        }
    }

    /** On the UI thread (the view's tick). */
    void refresh() {
        if (isDisposed()) {
            return;
        }
        String heading = ReadingDesk.title(model.model());
        if (!heading.equals(title.getText())) {
            title.setText(heading);
            title.setToolTipText(heading);
        }
        String state = desk.connectionText(caseId(), zone);
        if (!state.equals(connection.getText())) {
            connection.setText(state);
            connection.setToolTipText(state);
            boolean live = "live".equals(state);
            connection.setBackground(live ? null : getDisplay().getSystemColor(SWT.COLOR_RED));
            connection.setForeground(live ? null : getDisplay().getSystemColor(SWT.COLOR_WHITE));
        }
        if (sourceChanged) {
            sourceChanged = false;
            TraceBuffer b;
            List<Integer> channels;
            synchronized (bufferLock) {
                b = buffer;
                channels = bufferChannels;
            }
            List<String> labels = ReadingDesk.channelLabels(model.model());
            List<TraceCanvas.Trace> list = channels.stream()
                    .map(i -> new TraceCanvas.Trace(i < labels.size() ? labels.get(i) : "ch " + i, model.view().scaleUv())).toList();
            traces.setSource(b, list);
        }
        traces.redraw();
        if (stats != null) {
            stats.tick();
        }
        if (tilesChanged) {
            tilesChanged = false;
            List<CaseView.Tile> list = model.view().tiles();
            tiles.setItemCount(list.size());
            for (int i = 0; i < list.size(); i++) {
                CaseView.Tile t = list.get(i);
                tiles.getItem(i).setText(new String[] { t.label(), t.valueText(), t.sparkline(SPARK_POINTS) });
            }
        }
        if (chatChanged) {
            chatChanged = false;
            List<String> lines = desk.chatLines(caseId(), zone);
            chat.setItems(lines.toArray(String[]::new));
            if (!lines.isEmpty()) {
                chat.setTopIndex(lines.size() - 1);
            }
        }
    }

    // ---- for tests -----------------------------------------------------------------------------

    String connectionText() {
        return connection.getText();
    }

    TraceCanvas traceCanvas() {
        return traces;
    }

    Combo scaleCombo() {
        return scaleCombo;
    }

    Combo windowCombo() {
        return windowCombo;
    }

    ReadingDesk.Column column() {
        return model;
    }

    Table tilesTable() {
        return tiles;
    }

    String[] chatItems() {
        return chat.getItems();
    }

    static TableItem[] items(Table t) {
        return t.getItems();
    }
}
