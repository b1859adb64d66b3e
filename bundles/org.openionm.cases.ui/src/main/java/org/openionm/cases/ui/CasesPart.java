package org.openionm.cases.ui;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.openionm.cases.CaseDatabase;
import org.openionm.cases.CaseDetails;
import org.openionm.cases.CaseState;
import org.openionm.cases.CaseStore;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.MonitoringCase;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The "Cases" part of the Setup perspective: the open case (with Close case), a searchable list of
 * cases, newest first, to open one, and the new-case form. While the case database is not open (it
 * opens in the background at start) the part says so and offers nothing that needs it.
 */
public class CasesPart {

    public static final String ID = "org.openionm.cases.ui.part.cases";
    static final int LIST_LIMIT = 200;
    private static final int POLL_MS = 500;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    @Service
    CaseWorkbench workbench;

    /** Asks before closing a case; tests replace it. */
    Predicate<String> confirm;
    Clock clock = Clock.systemDefaultZone();

    private Composite root;
    private Label database;
    private Label current;
    private Button close;
    private Text filter;
    private Table list;
    private Button open;
    private Label message;
    private NewCaseForm form;
    private ScrolledComposite scroller;
    private List<MonitoringCase> shown = List.of();
    private boolean databaseWasOpen;
    private final CaseWorkbench.Listener listener = new CaseWorkbench.Listener() {
        @Override
        public void caseChanged(Optional<MonitoringCase> c) {
            later(CasesPart.this::refreshAll);
        }
    };

    @PostConstruct
    public void create(Composite parent) {
        if (confirm == null) {
            confirm = question -> MessageDialog.openConfirm(parent.getShell(), "Close case", question);
        }
        root = parent;
        parent.setLayout(new GridLayout(1, false));
        database = new Label(parent, SWT.WRAP);
        database.setData("org.eclipse.e4.ui.css.CssClassName", "ErrorText");
        database.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(2, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        // wraps beside Close case… rather than running under it (a long procedure at 1280×800, issue 16)
        current = new Label(top, SWT.WRAP);
        current.setData("org.eclipse.e4.ui.css.CssClassName", "Heading");
        GridData currentData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        currentData.widthHint = 1; // the row's free width, not the text's: GridLayout wraps it there
        current.setLayoutData(currentData);
        close = new Button(top, SWT.PUSH);
        close.setText("Close case…");
        close.setToolTipText("Stops the case's recording and closes it (it can then be reviewed and signed)");
        close.addListener(SWT.Selection, e -> closeCase());

        // the list above the form: both get the part's full width, which the form's two columns need at 1280 px
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite top2 = new Composite(sash, SWT.NONE);
        top2.setLayout(new GridLayout(2, false));
        filter = new Text(top2, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        filter.setMessage("Search id, name, MRN, procedure");
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.addListener(SWT.Modify, e -> refreshList());
        open = new Button(top2, SWT.PUSH);
        open.setText("Open case");
        open.addListener(SWT.Selection, e -> openSelected());
        list = new Table(top2, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        list.setHeaderVisible(true);
        for (String h : new String[] { "Id", "Patient", "Procedure", "State", "Date" }) {
            new TableColumn(list, SWT.LEFT).setText(h);
        }
        list.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        list.addListener(SWT.Selection, e -> enableActions());
        list.addListener(SWT.DefaultSelection, e -> openSelected());
        message = new Label(top2, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        scroller = new ScrolledComposite(sash, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite formHolder = new Composite(scroller, SWT.NONE);
        formHolder.setLayout(new FillLayout());
        form = new NewCaseForm(formHolder, this::store, this::create, clock);
        scroller.setContent(formHolder);
        form.relayout = this::resizeForm;
        scroller.addListener(SWT.Resize, e -> resizeForm());
        sash.setWeights(30, 70);

        if (workbench == null) {
            database.setText("The case service is not installed: cases cannot be created or opened.");
        } else {
            workbench.addListener(listener);
        }
        refreshAll();
        poll();
    }

    private void resizeForm() {
        Composite content = (Composite) scroller.getContent();
        int width = scroller.getClientArea().width;
        scroller.setMinSize(content.computeSize(Math.max(width, 560), SWT.DEFAULT));
        scroller.layout(true, true);
    }

    private Optional<CaseStore> store() {
        return workbench == null ? Optional.empty() : workbench.database().map(CaseDatabase::cases);
    }

    /** Follows the database opening in the background (and failing); cheap otherwise. */
    private void poll() {
        if (root.isDisposed()) {
            return;
        }
        boolean openNow = store().isPresent();
        if (openNow != databaseWasOpen) {
            refreshAll();
        }
        root.getDisplay().timerExec(POLL_MS, this::poll);
    }

    void refreshAll() {
        if (root.isDisposed()) {
            return;
        }
        boolean dbOpen = store().isPresent();
        if (workbench != null) {
            show(database, dbOpen ? "" : "Case database: " + workbench.databaseStatus());
        }
        if (dbOpen != databaseWasOpen) {
            databaseWasOpen = dbOpen;
            form.reload();
        }
        Optional<MonitoringCase> c = workbench == null ? Optional.empty() : workbench.currentCase();
        current.setText(c.map(m -> "Open case " + m.id() + ": " + m.label() + " (" + m.state().label() + ")")
                .orElse("No case open"));
        refreshList();
        root.layout(true, true);
    }

    private static void show(Label label, String text) {
        label.setText(text);
        GridData d = (GridData) label.getLayoutData();
        d.exclude = text.isEmpty();
        label.setVisible(!text.isEmpty());
    }

    private void refreshList() {
        Optional<CaseStore> s = store();
        shown = s.map(st -> st.search(filter.getText().trim(), LIST_LIMIT)).orElse(List.of());
        String selected = selected().map(MonitoringCase::id).orElse(null);
        list.removeAll();
        for (MonitoringCase c : shown) {
            TableItem item = new TableItem(list, SWT.NONE);
            item.setText(new String[] { c.id(), c.patient().initials() + " · " + c.patient().mrn() + (c.demo() ? " (demo)" : ""),
                    c.details().procedure().summary(), c.state().label(), CaseTexts.dateTime(date(c)) });
            if (c.id().equals(selected)) {
                list.setSelection(item);
            }
        }
        for (TableColumn col : list.getColumns()) {
            col.pack();
        }
        enableActions();
    }

    /** When the case took place, or is planned for, or was entered. */
    private static java.time.Instant date(MonitoringCase c) {
        return c.actualStart() != null ? c.actualStart()
                : c.details().scheduledStart() != null ? c.details().scheduledStart() : c.created();
    }

    private Optional<MonitoringCase> selected() {
        int i = list.getSelectionIndex();
        return i < 0 || i >= shown.size() ? Optional.empty() : Optional.of(shown.get(i));
    }

    private void enableActions() {
        boolean caseOpen = workbench != null && workbench.currentCase().isPresent();
        Optional<MonitoringCase> sel = selected();
        boolean openable = sel.isPresent() && (sel.get().state() == CaseState.PLANNED || sel.get().state() == CaseState.IN_PROGRESS);
        open.setEnabled(!caseOpen && openable);
        open.setToolTipText(caseOpen ? "Close the open case first" : sel.isPresent() && !openable
                ? "A " + sel.get().state().label() + " case is reviewed, not opened for monitoring" : "Open the selected case for monitoring");
        close.setEnabled(caseOpen);
    }

    private void openSelected() {
        Optional<MonitoringCase> sel = selected();
        if (sel.isEmpty() || !open.isEnabled()) {
            return;
        }
        act(() -> workbench.open(sel.get().id()), "Opened case " + sel.get().id() + ".");
    }

    private void create(CaseDetails details) {
        act(() -> {
            MonitoringCase c = workbench.create(details, false);
            form.clear();
            message.setText("Created case " + c.id() + " and opened it.");
        }, null);
    }

    private void closeCase() {
        Optional<MonitoringCase> c = workbench == null ? Optional.empty() : workbench.currentCase();
        if (c.isEmpty()) {
            return;
        }
        if (confirm.test("Close case " + c.get().id() + " (" + c.get().label() + ")?\n\nIts recording stops; the case can then "
                + "be reviewed and signed but not monitored again.")) {
            act(workbench::closeCase, "Closed case " + c.get().id() + ".");
        }
    }

    /** Runs a service call; a refusal (not valid, locked, database gone) is shown, not thrown. */
    private void act(Runnable action, String done) {
        try {
            action.run();
            if (done != null) {
                message.setText(done);
            }
            message.setData("org.eclipse.e4.ui.css.CssClassName", null);
            message.setForeground(null);
        } catch (RuntimeException e) {
            message.setText("Not done: " + e.getMessage());
            message.setForeground(message.getDisplay().getSystemColor(SWT.COLOR_RED));
        }
        refreshAll();
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
    }

    // for tests
    NewCaseForm form() {
        return form;
    }

    Table list() {
        return list;
    }

    Text filter() {
        return filter;
    }

    Button openButton() {
        return open;
    }

    Button closeButton() {
        return close;
    }

    String messageText() {
        return message.getText();
    }

    String currentText() {
        return current.getText();
    }

    Label currentLabel() {
        return current;
    }

    String databaseText() {
        return database.isVisible() ? database.getText() : "";
    }
}
