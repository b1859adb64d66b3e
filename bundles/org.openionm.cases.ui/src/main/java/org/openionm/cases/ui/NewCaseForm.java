package org.openionm.cases.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.openionm.cases.CaseDetails;
import org.openionm.cases.CaseStore;
import org.openionm.cases.Patient;
import org.openionm.cases.Procedure;
import org.openionm.cases.ProtocolTemplate;
import org.openionm.cases.Sex;
import org.openionm.cases.Side;
import org.openionm.cases.TeamMember;
import org.openionm.cases.TeamRole;

/**
 * The "New case" form: patient, procedure, protocol template, scheduled start and team. Every change
 * is checked at once — the form's own parsing (dates) and then {@link CaseStore#validate} — and each
 * problem is shown under the field it names once that field has been touched; Create stays disabled
 * until there is none.
 */
final class NewCaseForm {

    static final DateTimeFormatter SCHEDULE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final TeamRole[] TEAM = { TeamRole.SURGEON, TeamRole.ANESTHESIOLOGIST, TeamRole.TECHNOLOGIST,
            TeamRole.NEUROPHYSIOLOGIST };
    private static final Map<TeamRole, FormField> TEAM_FIELDS = Map.of(TeamRole.SURGEON, FormField.SURGEON,
            TeamRole.ANESTHESIOLOGIST, FormField.ANESTHESIOLOGIST, TeamRole.TECHNOLOGIST, FormField.TECHNOLOGIST,
            TeamRole.NEUROPHYSIOLOGIST, FormField.NEUROPHYSIOLOGIST);

    private final Supplier<Optional<CaseStore>> store;
    private final Consumer<CaseDetails> onCreate;
    private final Clock clock;
    private final Composite root;

    Text family;
    Text given;
    Text mrn;
    Text birthDate;
    Combo sex;
    Combo procedureType;
    Text levels;
    Combo side;
    Text description;
    Text scheduled;
    Combo template;
    final Map<TeamRole, Text> teamNames = new EnumMap<>(TeamRole.class);
    final Map<TeamRole, Text> teamCredentials = new EnumMap<>(TeamRole.class);
    private final Map<FormField, Label> problemLabels = new EnumMap<>(FormField.class);
    private final Set<FormField> touched = EnumSet.noneOf(FormField.class);
    private Button create;
    private Label summary;
    private List<ProtocolTemplate> templates = List.of();
    private List<ProtocolTemplate> offeredTemplates = List.of();
    private Map<FormField, List<String>> problems = Map.of();
    private boolean filling;
    /** Called when problem lines appear or go, so a scrolling parent recomputes its size. */
    Runnable relayout = () -> {
    };

    NewCaseForm(Composite parent, Supplier<Optional<CaseStore>> store, Consumer<CaseDetails> onCreate, Clock clock) {
        this.store = store;
        this.onCreate = onCreate;
        this.clock = clock;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(2, true)); // patient | procedure, the team below both

        Label title = new Label(root, SWT.NONE);
        title.setText("New case");
        title.setData("org.eclipse.e4.ui.css.CssClassName", "Heading");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        Group patient = group("Patient", 2);
        family = text(patient, "Family name *", FormField.FAMILY, "e.g. Doe");
        given = text(patient, "Given name", FormField.GIVEN, "e.g. Jane");
        mrn = text(patient, "MRN *", FormField.MRN, "medical record number");
        birthDate = text(patient, "Birth date", FormField.BIRTH_DATE, "YYYY-MM-DD");
        sex = combo(patient, "Sex *", FormField.SEX);
        for (Sex s : Sex.values()) {
            sex.add(s.code());
        }

        Group procedure = group("Procedure", 2);
        procedureType = combo(procedure, "Type *", FormField.PROCEDURE);
        template = combo(procedure, "Protocol template *", FormField.TEMPLATE);
        levels = text(procedure, "Levels", FormField.LEVELS, "e.g. T10–L2");
        side = combo(procedure, "Side", FormField.SIDE);
        for (Side s : Side.values()) {
            side.add(s.label());
        }
        side.select(Side.NOT_APPLICABLE.ordinal());
        description = text(procedure, "Description", FormField.DESCRIPTION, "free text");
        scheduled = text(procedure, "Scheduled start", FormField.SCHEDULED, "YYYY-MM-DD HH:MM");

        Group team = group("Team (name, credentials)", 6); // two members a row: the form fits at 1280 x 800
        ((GridData) team.getLayoutData()).horizontalSpan = 2;
        for (TeamRole role : TEAM) {
            Label l = new Label(team, SWT.NONE);
            l.setText(role == TeamRole.NEUROPHYSIOLOGIST ? "Neurophysiologist" : role.label());
            l.setToolTipText(role.label());
            Text name = new Text(team, SWT.BORDER);
            name.setMessage("name");
            name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Text credentials = new Text(team, SWT.BORDER);
            credentials.setMessage("e.g. CNIM");
            GridData cd = new GridData(SWT.FILL, SWT.CENTER, false, false);
            cd.widthHint = 90;
            credentials.setLayoutData(cd);
            teamNames.put(role, name);
            teamCredentials.put(role, credentials);
            FormField field = TEAM_FIELDS.get(role);
            watch(name, field);
            watch(credentials, field);
            problemLabel(team, field, 6);
        }

        Composite actions = new Composite(root, SWT.NONE);
        actions.setLayout(new GridLayout(2, false));
        actions.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        create = new Button(actions, SWT.PUSH);
        create.setText("Create and open case");
        create.setToolTipText("Creates the case (planned) and opens it: acquisitions from then on are recorded into it");
        create.addListener(SWT.Selection, e -> create());
        summary = new Label(actions, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        problemLabel(root, FormField.OTHER, 2);

        procedureType.addListener(SWT.Selection, e -> offerTemplates());
        reload();
    }

    Composite control() {
        return root;
    }

    Button createButton() {
        return create;
    }

    /** The problem shown under a field ("" when none or not touched yet). */
    String problemShown(FormField field) {
        Label l = problemLabels.get(field);
        return l == null || ((GridData) l.getLayoutData()).exclude ? "" : l.getText();
    }

    /** Every current problem, shown or not (touched or not). */
    Map<FormField, List<String>> problems() {
        return problems;
    }

    String summaryText() {
        return summary.getText();
    }

    /** Reads the procedure types and templates from the store again (when it has opened). */
    void reload() {
        filling = true;
        try {
            String chosen = procedureType.getText();
            procedureType.removeAll();
            Optional<CaseStore> s = store.get();
            s.ifPresent(st -> st.procedureTypes().forEach(procedureType::add));
            templates = s.map(CaseStore::templates).orElse(List.of());
            int i = procedureType.indexOf(chosen);
            if (i >= 0) {
                procedureType.select(i);
            }
            if (scheduled.getText().isBlank()) {
                scheduled.setText(SCHEDULE.format(LocalDateTime.now(clock).withSecond(0).withNano(0)));
            }
            offerTemplates();
        } finally {
            filling = false;
        }
        check();
    }

    /** Empties the form for the next case. */
    void clear() {
        filling = true;
        try {
            for (Text t : List.of(family, given, mrn, birthDate, levels, description, scheduled)) {
                t.setText("");
            }
            teamNames.values().forEach(t -> t.setText(""));
            teamCredentials.values().forEach(t -> t.setText(""));
            sex.deselectAll();
            sex.setText("");
            side.select(Side.NOT_APPLICABLE.ordinal());
            touched.clear();
        } finally {
            filling = false;
        }
        reload();
    }

    /** Templates made for the chosen procedure type first; all of them when none names it. */
    private void offerTemplates() {
        String type = procedureType.getText();
        List<ProtocolTemplate> matching = templates.stream().filter(t -> t.procedureTypes().contains(type)).toList();
        offeredTemplates = matching.isEmpty() ? templates : matching;
        String chosen = template.getText();
        template.removeAll();
        offeredTemplates.forEach(t -> template.add(t.name()));
        int i = template.indexOf(chosen);
        template.select(i >= 0 ? i : 0);
        check();
    }

    private Group group(String title, int columns) {
        Group g = new Group(root, SWT.NONE);
        g.setText(title);
        g.setLayout(new GridLayout(columns, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        return g;
    }

    private Text text(Composite parent, String label, FormField field, String hint) {
        new Label(parent, SWT.NONE).setText(label);
        Text t = new Text(parent, SWT.BORDER);
        t.setMessage(hint);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        watch(t, field);
        problemLabel(parent, field, 2);
        return t;
    }

    private Combo combo(Composite parent, String label, FormField field) {
        new Label(parent, SWT.NONE).setText(label);
        Combo c = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        c.addListener(SWT.Selection, e -> changed(field));
        problemLabel(parent, field, 2);
        return c;
    }

    private void watch(Text t, FormField field) {
        t.addListener(SWT.Modify, e -> changed(field));
    }

    private void problemLabel(Composite parent, FormField field, int span) {
        Label l = new Label(parent, SWT.WRAP);
        l.setData("org.eclipse.e4.ui.css.CssClassName", "ErrorText");
        l.setForeground(l.getDisplay().getSystemColor(SWT.COLOR_RED)); // until the theme's ErrorText colour applies
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1);
        d.exclude = true;
        d.widthHint = 220; // wraps rather than widening the form
        l.setLayoutData(d);
        l.setVisible(false);
        problemLabels.put(field, l);
    }

    private void changed(FormField field) {
        if (!filling) {
            touched.add(field);
            check();
        }
    }

    /** The details as entered, and the form's own problems (what cannot even be parsed). */
    private record Parsed(CaseDetails details, Map<FormField, List<String>> problems) {
    }

    private Parsed parse() {
        Map<FormField, List<String>> own = new LinkedHashMap<>();
        LocalDate birth = null;
        if (!birthDate.getText().isBlank()) {
            try {
                birth = LocalDate.parse(birthDate.getText().trim());
            } catch (DateTimeParseException e) {
                add(own, FormField.BIRTH_DATE, "birth date must be YYYY-MM-DD, was '" + birthDate.getText().trim() + "'");
            }
        }
        LocalDateTime start = null;
        if (!scheduled.getText().isBlank()) {
            try {
                start = LocalDateTime.parse(scheduled.getText().trim(), SCHEDULE);
            } catch (DateTimeParseException e) {
                add(own, FormField.SCHEDULED, "scheduled start must be YYYY-MM-DD HH:MM, was '" + scheduled.getText().trim() + "'");
            }
        }
        if (sex.getSelectionIndex() < 0) {
            add(own, FormField.SEX, "sex: choose female, male, other or unknown");
        }
        if (procedureType.getSelectionIndex() < 0) {
            add(own, FormField.PROCEDURE, procedureType.getItemCount() == 0 ? "no procedure types: the case database is not open"
                    : "procedure type: choose one");
        }
        if (!templates.isEmpty() && template.getSelectionIndex() < 0) {
            add(own, FormField.TEMPLATE, "protocol template: choose one");
        }
        List<TeamMember> team = new ArrayList<>();
        for (TeamRole role : TEAM) {
            String name = teamNames.get(role).getText().trim();
            String credentials = teamCredentials.get(role).getText().trim();
            if (name.isEmpty() && !credentials.isEmpty()) {
                add(own, TEAM_FIELDS.get(role), role.label().toLowerCase(Locale.ROOT) + ": credentials '" + credentials
                        + "' without a name");
            } else if (!name.isEmpty()) {
                team.add(new TeamMember(role, name, credentials));
            }
        }
        if (!own.isEmpty()) {
            return new Parsed(null, own);
        }
        String name = family.getText().trim() + (given.getText().isBlank() ? "" : "^" + given.getText().trim());
        Patient patient = new Patient(name, mrn.getText().trim(), birth, Sex.values()[sex.getSelectionIndex()]);
        Procedure procedure = new Procedure(procedureType.getText(), description.getText().trim(), levels.getText().trim(),
                Side.values()[Math.max(0, side.getSelectionIndex())]);
        ProtocolTemplate protocol = template.getSelectionIndex() < 0 ? null : offeredTemplates.get(template.getSelectionIndex());
        return new Parsed(new CaseDetails(patient, procedure, start == null ? null : start.atZone(ZoneId.systemDefault())
                .toInstant(), team, protocol), own);
    }

    private static void add(Map<FormField, List<String>> problems, FormField field, String message) {
        problems.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    /** Checks the form now: shows problems under touched fields, enables Create when there is none. */
    void check() {
        if (create == null) {
            return; // still building the form
        }
        Optional<CaseStore> s = store.get();
        Parsed parsed = parse();
        Map<FormField, List<String>> all = new EnumMap<>(FormField.class);
        all.putAll(parsed.problems());
        if (parsed.details() != null && s.isPresent()) {
            FormField.group(s.get().validate(parsed.details())).forEach(all::put);
        }
        problems = all;
        boolean layoutChanged = false;
        for (Map.Entry<FormField, Label> e : problemLabels.entrySet()) {
            List<String> messages = all.getOrDefault(e.getKey(), List.of());
            boolean show = !messages.isEmpty() && (touched.contains(e.getKey()) || e.getKey() == FormField.OTHER && !touched.isEmpty());
            layoutChanged |= show(e.getValue(), show ? String.join("\n", messages) : "");
        }
        boolean valid = all.isEmpty() && s.isPresent();
        create.setEnabled(valid);
        int count = all.values().stream().mapToInt(List::size).sum();
        summary.setText(s.isEmpty() ? "The case database is not open."
                : valid ? "Ready." : count + (count == 1 ? " field to complete or correct" : " fields to complete or correct"));
        if (layoutChanged) {
            root.layout(true, true);
            relayout.run();
        }
    }

    private static boolean show(Label l, String text) {
        GridData d = (GridData) l.getLayoutData();
        boolean visible = !text.isEmpty();
        if (d.exclude == !visible && l.getText().equals(text)) {
            return false;
        }
        l.setText(text);
        d.exclude = !visible;
        l.setVisible(visible);
        return true;
    }

    private void create() {
        Parsed parsed = parse();
        if (parsed.details() != null && problems.isEmpty()) {
            onCreate.accept(parsed.details());
        }
    }

    /** The controls in tab order, for tests and focus. */
    List<Control> inputs() {
        List<Control> c = new ArrayList<>(List.of(family, given, mrn, birthDate, sex, procedureType, template, levels, side,
                description, scheduled));
        for (TeamRole role : TEAM) {
            c.add(teamNames.get(role));
            c.add(teamCredentials.get(role));
        }
        return c;
    }
}
