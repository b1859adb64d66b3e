package org.openionm.ui.parts;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CCombo;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.TableColumn;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.core.processing.SettingDescriptor.Kind;
import org.openionm.ui.parts.SettingRows.Heading;
import org.openionm.ui.parts.SettingRows.Row;
import org.openionm.ui.parts.SettingRows.Setting;

/**
 * One processor's settings as a JFace table: Setting, Value (edited in place), Unit, Range, Default
 * and Source. A number or a text is typed into its cell; a choice or an on/off setting is picked from
 * a drop-down (the options' labels, or on/off). Group headings and changed values are bold: a font,
 * unlike a colour, reads in both themes.
 */
final class SettingsTable {

    static final String[] COLUMNS = { "Setting", "Value", "Unit", "Range", "Default", "Source" };
    static final int VALUE_COLUMN = 1;

    private final Composite holder;
    private final TableColumnLayout layout = new TableColumnLayout();
    private final TableViewer viewer;
    private final TextCellEditor valueEditor;
    /** Reused for every choice and on/off row: its items are set when a row is edited. */
    private final ComboBoxCellEditor pickEditor;
    private final Font bold;
    /** Width of the longest label shown, in pixels. */
    private int labelWidth = 300;

    /** {@code edit} receives what was typed into a value cell; it validates and applies it. */
    SettingsTable(Composite parent, BiConsumer<SettingDescriptor, String> edit) {
        holder = new Composite(parent, SWT.NONE);
        holder.setLayout(layout);
        viewer = new TableViewer(holder, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        bold = new LocalResourceManager(JFaceResources.getResources(), viewer.getTable())
                .create(FontDescriptor.createFrom(viewer.getTable().getFont()).setStyle(SWT.BOLD));
        valueEditor = new TextCellEditor(viewer.getTable());
        pickEditor = new ComboBoxCellEditor(viewer.getTable(), new String[0], SWT.READ_ONLY);
        pickEditor.setActivationStyle(ComboBoxCellEditor.DROP_DOWN_ON_MOUSE_ACTIVATION
                | ComboBoxCellEditor.DROP_DOWN_ON_KEY_ACTIVATION);
        CCombo combo = (CCombo) pickEditor.getControl();
        combo.addListener(SWT.Selection, e -> {
            if (!combo.getListVisible() && viewer.isCellEditorActive()) {
                // a pick on the closed drop-down (arrow keys) is the whole edit; one in the open list
                // applies with Enter or when the cell is left (the editor's focus-lost)
                viewer.applyEditorValue();
            }
        });
        ColumnViewerToolTipSupport.enableFor(viewer);

        column(new ColumnPixelData(300), r -> r instanceof Heading h ? h.title() : setting(r).label(),
                r -> setting(r).label() + "\nkey " + setting(r).key(), true);
        column(new ColumnPixelData(80), r -> r instanceof Setting s ? SettingRows.show(s.descriptor(), s.value()) : "",
                r -> valueTip((Setting) r), true).setEditingSupport(new ValueEditing(edit));
        column(new ColumnPixelData(65), r -> r instanceof Setting ? org.openionm.core.processing.Units.display(setting(r).unit()) : "",
                r -> null, false);
        column(new ColumnPixelData(100), r -> r instanceof Setting ? SettingRows.range(setting(r)) : "", r -> null,
                false);
        column(new ColumnPixelData(70), r -> r instanceof Setting ? SettingRows.show(setting(r), setting(r).defaultValue()) : "",
                r -> setting(r).kind() == Kind.CHOICE ? setting(r).optionLabel((String) setting(r).defaultValue()) : null, false);
        column(new ColumnWeightData(1, 200), r -> r instanceof Setting ? setting(r).provenance() : "",
                r -> SettingRows.wrap(setting(r).provenance(), 90), false); // sources are long: hover shows all
        holder.addListener(SWT.Resize, e -> sizeSettingColumn());
    }

    Composite control() {
        return holder;
    }

    TableViewer viewer() {
        return viewer;
    }

    /** The editor of the Value column for typed values, for tests that type into it. */
    CellEditor valueEditor() {
        return valueEditor;
    }

    /** The drop-down editor of the Value column for choices and on/off settings, for tests that pick. */
    ComboBoxCellEditor pickEditor() {
        return pickEditor;
    }

    private static String valueTip(Setting s) {
        SettingDescriptor d = s.descriptor();
        return switch (d.kind()) {
            case NUMBER -> "Click to change; " + (d.integer() ? "whole numbers only" : "decimals allowed");
            case CHOICE -> d.optionLabel((String) s.value()) + "\nClick to choose another";
            case BOOLEAN -> "Click to switch on or off";
            case TEXT -> "Click to change; " + d.allowed();
        };
    }

    void show(List<Row> rows) {
        viewer.setInput(rows);
        fitSettingColumn();
    }

    /** Measures the longest label as the table draws it (a changed row is bold). */
    private void fitSettingColumn() {
        TableColumn setting = viewer.getTable().getColumn(0);
        setting.pack();
        labelWidth = Math.max(200, setting.getWidth());
        sizeSettingColumn();
    }

    /** The Setting column as wide as its longest label, at most half the table; Source takes the rest. */
    private void sizeSettingColumn() {
        int half = holder.getClientArea().width / 2;
        layout.setColumnData(viewer.getTable().getColumn(0), new ColumnPixelData(half > 200 ? Math.min(labelWidth, half) : labelWidth));
        holder.layout(true);
    }

    private static SettingDescriptor setting(Row row) {
        return row instanceof Setting s ? s.descriptor() : null;
    }

    /** A column; {@code marksChanges}: bold when the row is a heading or its value differs from the default. */
    private TableViewerColumn column(org.eclipse.jface.viewers.ColumnLayoutData width,
            Function<Row, String> text, Function<Row, String> tip, boolean marksChanges) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(COLUMNS[viewer.getTable().getColumnCount() - 1]);
        layout.setColumnData(column.getColumn(), width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Row) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return element instanceof Setting ? tip.apply((Row) element) : null;
            }

            @Override
            public Font getFont(Object element) {
                boolean marked = element instanceof Heading || element instanceof Setting s && s.changed();
                return marksChanges && marked ? bold : null;
            }
        });
        return column;
    }

    /** The Value column: the cell shows the value; a commit hands the typed text to the part. */
    private final class ValueEditing extends EditingSupport {

        private final BiConsumer<SettingDescriptor, String> edit;

        ValueEditing(BiConsumer<SettingDescriptor, String> edit) {
            super(viewer);
            this.edit = edit;
        }

        @Override
        protected boolean canEdit(Object element) {
            return element instanceof Setting;
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            SettingDescriptor d = ((Setting) element).descriptor();
            List<String> items = SettingRows.items(d);
            if (items.isEmpty()) {
                return valueEditor;
            }
            pickEditor.setItems(items.toArray(String[]::new));
            return pickEditor;
        }

        /** The text for a typed value, the item index for a picked one (what each editor holds). */
        @Override
        protected Object getValue(Object element) {
            Setting s = (Setting) element;
            int item = SettingRows.itemOf(s.descriptor(), s.value());
            return SettingRows.items(s.descriptor()).isEmpty() ? SettingRows.show(s.descriptor(), s.value()) : (Object) item;
        }

        @Override
        protected void setValue(Object element, Object value) {
            SettingDescriptor d = ((Setting) element).descriptor();
            if (value instanceof Integer item) {
                if (item >= 0) { // -1: nothing picked
                    edit.accept(d, SettingRows.textOfItem(d, item));
                }
            } else {
                edit.accept(d, (String) value);
            }
        }
    }
}
