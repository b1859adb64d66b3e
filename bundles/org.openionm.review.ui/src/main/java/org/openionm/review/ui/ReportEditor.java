package org.openionm.review.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.openionm.cases.SignedReport;
import org.openionm.cases.User;
import org.openionm.report.ReportEditing;

/**
 * The report editor of a case (opened from Review): the interpretation and conclusion, pre-filled
 * from the draft, saved with the case in the user's name; the PDF written (a preview while unsigned,
 * the signed bytes afterwards); signing for a neurophysiologist only, through {@link SignDialog};
 * after signing the texts are locked and the signature is shown; Amend unlocks them, and the next
 * signature is a new version with its reason, listed under the earlier ones. Unsaved text is saved as
 * the case's draft text when the editor closes, so nothing typed is lost.
 */
public final class ReportEditor extends Composite {

    private final ReportEditing editing;
    private final Supplier<Optional<User>> user;
    private final Clock clock;
    private final ZoneId zone;
    private final Function<Boolean, SignDialog.Answer> asker;
    private final Label title;
    private final Text interpretation;
    private final Text conclusion;
    private final Button save;
    private final Button pdf;
    private final Button sign;
    private final Button amend;
    private final Label signature;
    private final org.eclipse.swt.widgets.List versions;
    private final Label message;
    private boolean amending;

    /**
     * @param user  who is logged in (actor of saves; whether Sign is offered)
     * @param asker shows the signing dialog (argument: amendment) and returns what was typed, null when
     *              cancelled; null for the real {@link SignDialog}
     */
    public ReportEditor(Composite parent, ReportEditing editing, Supplier<Optional<User>> user, Clock clock, ZoneId zone,
            Function<Boolean, SignDialog.Answer> asker) {
        super(parent, SWT.NONE);
        this.editing = editing;
        this.user = user;
        this.clock = clock;
        this.zone = zone;
        this.asker = asker != null ? asker
                : amendment -> new SignDialog(getShell(), editing.caseId(), user.get().map(User::username).orElse(""), amendment).open();
        setLayout(new GridLayout(5, false));
        title = new Label(this, SWT.NONE);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        label("Interpretation");
        interpretation = new Text(this, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        interpretation.setLayoutData(grow(200));
        label("Conclusion");
        conclusion = new Text(this, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        conclusion.setLayoutData(grow(80));
        save = button("Save", "Keeps the text with the case, in your name (audit trail)", this::save);
        pdf = button("Write PDF…", "The report as PDF: a DRAFT preview while unsigned, the signed version as stored once signed",
                this::writePdfChosen);
        sign = button("Sign…", "Interpreted and approved: asks your user name and password again", this::sign);
        amend = button("Amend…", "Change the signed report: a new version with a reason, the signed one is kept", this::amend);
        message = new Label(this, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        signature = new Label(this, SWT.WRAP);
        signature.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        label("Versions");
        versions = new org.eclipse.swt.widgets.List(this, SWT.BORDER | SWT.V_SCROLL);
        GridData v = new GridData(SWT.FILL, SWT.FILL, true, false, 5, 1);
        v.heightHint = 60;
        versions.setLayoutData(v);
        // a change of the signed report saved (or kept on close) earlier reopens as the amendment it is
        amending = editing.unsignedChanges();
        ReportEditing.Texts start = editing.texts();
        interpretation.setText(start.interpretation());
        conclusion.setText(start.conclusion());
        interpretation.addListener(SWT.Modify, e -> refresh());
        conclusion.addListener(SWT.Modify, e -> refresh());
        addListener(SWT.Dispose, e -> saveOnClose());
        refresh();
    }

    // ---------------------------------------------------------------- actions

    /** Saves the text in the logged-in user's name; false (with the reason shown) when nobody is. */
    public boolean save() {
        Optional<User> u = user.get();
        if (u.isEmpty()) {
            message("Log in to save the report text.");
            return false;
        }
        boolean saved = editing.save(texts(), u.get().username());
        message(saved ? "Saved in " + u.get().signature() + "'s name." : "Nothing changed since the last save.");
        refresh();
        return saved;
    }

    /** Signs (or signs the amendment) after asking for the signature; returns the new version, or null. */
    public SignedReport sign() {
        String why = ReportEditing.whyNot(user.get().orElse(null));
        if (!why.isEmpty()) {
            message(why);
            return null;
        }
        boolean amendment = editing.locked();
        SignDialog.Answer a = asker.apply(amendment);
        if (a == null) {
            message("Not signed.");
            return null;
        }
        try {
            SignedReport signed = editing.sign(texts(), a.username(), a.password(), a.reason(), clock.instant());
            amending = false;
            message((signed.amendment() ? "Amendment signed: version " : "Signed: version ") + signed.version() + ", SHA-256 "
                    + signed.sha256().substring(0, 12) + "… in the audit trail.");
            return signed;
        } catch (IllegalArgumentException | IllegalStateException e) {
            message("Not signed: " + e.getMessage());
            return null;
        } finally {
            Arrays.fill(a.password(), '\0');
            refresh();
        }
    }

    /** Unlocks the signed texts for an amendment (the reason is asked when it is signed). */
    public void amend() {
        if (!editing.locked()) {
            return;
        }
        amending = true;
        message("Amending: edit the text, then Sign… with the reason. Version " + editing.versions().size() + " stays as signed.");
        refresh();
        interpretation.setFocus();
    }

    /** Writes the PDF: the stored bytes of the newest signed version when signed and not amending, else the preview. */
    public void writePdf(Path out) throws IOException {
        List<SignedReport> signed = editing.versions();
        byte[] bytes = !signed.isEmpty() && !amending && !dirty() ? editing.signedPdf(signed.get(signed.size() - 1).version())
                : editing.preview(texts());
        Files.write(out, bytes);
        message("Wrote " + out.getFileName() + " (" + bytes.length / 1024 + " kB" + (signed.isEmpty() || amending ? ", DRAFT" : ", signed")
                + ").");
    }

    private void writePdfChosen() {
        FileDialog d = new FileDialog(getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] {"*.pdf"});
        d.setFileName(editing.caseId() + "-report.pdf");
        d.setOverwrite(true);
        String chosen = d.open();
        if (chosen != null) {
            try {
                writePdf(Path.of(chosen));
            } catch (IOException | RuntimeException e) {
                message("Cannot write the PDF: " + e.getMessage());
            }
        }
    }

    private void saveOnClose() {
        if (dirty() && user.get().isPresent()) {
            try {
                editing.save(texts(), user.get().get().username());
            } catch (RuntimeException e) {
                // the editor is going away: nothing left to show it in; the log keeps it
                System.err.println("report editor: could not save the text of case " + editing.caseId() + " on close: " + e);
            }
        }
    }

    // ---------------------------------------------------------------- state

    private void refresh() {
        if (isDisposed()) {
            return;
        }
        List<SignedReport> signed = editing.versions();
        boolean locked = !signed.isEmpty() && !amending;
        interpretation.setEditable(!locked);
        conclusion.setEditable(!locked);
        Optional<User> u = user.get();
        String why = ReportEditing.whyNot(u.orElse(null));
        save.setEnabled(!locked && dirty() && u.isPresent());
        sign.setEnabled(!locked && why.isEmpty());
        sign.setToolTipText(why.isEmpty() ? "Interpreted and approved: asks your user name and password again" : why);
        amend.setEnabled(locked && why.isEmpty());
        title.setText("Report of case " + editing.caseId() + " — " + (signed.isEmpty() ? "draft, not signed"
                : amending ? "amending version " + signed.size() + " (locked as signed; the change becomes version " + (signed.size() + 1) + ")"
                        : "signed, locked") + (dirty() ? " · unsaved changes" : ""));
        signature.setText(signed.isEmpty() ? "" : ReportEditing.describe(signed.get(signed.size() - 1), zone));
        versions.removeAll();
        for (SignedReport r : signed) {
            versions.add(ReportEditing.describe(r, zone) + " · SHA-256 " + r.sha256().substring(0, 12) + "…");
        }
        if (signed.isEmpty()) {
            versions.add("No signed version yet");
        }
        if (message.getText().isEmpty() && !why.isEmpty()) {
            message.setText(why);
        }
        layout(true, true);
    }

    private boolean dirty() {
        return !texts().equals(editing.texts());
    }

    private ReportEditing.Texts texts() {
        return new ReportEditing.Texts(interpretation.getText(), conclusion.getText());
    }

    private void message(String text) {
        message.setText(text);
        message.setToolTipText(text);
        layout(true, true);
    }

    // ---------------------------------------------------------------- for the UI test

    Text interpretationText() {
        return interpretation;
    }

    Text conclusionText() {
        return conclusion;
    }

    Button signButton() {
        return sign;
    }

    Button amendButton() {
        return amend;
    }

    String messageText() {
        return message.getText();
    }

    String signatureText() {
        return signature.getText();
    }

    String titleText() {
        return title.getText();
    }

    String[] versionLines() {
        return versions.getItems();
    }

    // ---------------------------------------------------------------- plumbing

    private void label(String text) {
        Label l = new Label(this, SWT.NONE);
        l.setText(text);
        l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
    }

    private GridData grow(int height) {
        GridData d = new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1);
        d.heightHint = height;
        d.widthHint = 640;
        return d;
    }

    private Button button(String text, String tip, Runnable action) {
        Button b = new Button(this, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }
}
