package io.seire.query.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table as an XLSX workbook, written with POI's streaming {@link SXSSFWorkbook}: only the last 100 rows are held in
 * memory, the rest wait in a compressed temporary file until the workbook is written, and text is written inline
 * (no shared-strings table that grows with the rows). Numbers are number cells with a two-decimal format (money
 * {@code #,##0.00}, percentages {@code 0.00}), days and instants date cells (instants in UTC), text text cells; no
 * formulas. The header row is frozen, subtotal rows are bold, total rows bold with a rule above; column widths fit
 * the longest value written (within bounds). A table longer than a sheet holds (1,048,576 rows) goes on in a next
 * sheet with the header repeated.
 */
final class XlsxTable implements TableWriter {

    static final int SHEET_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int WINDOW = 100;
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 50;
    private static final int LONG_TEXT_WIDTH = 60;
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final Table table;
    private final Language language;
    private final OutputStream out;
    private final int sheetRows;
    private final SXSSFWorkbook book = new SXSSFWorkbook(null, WINDOW, true, false);
    private final Map<RowKind, Map<Column.Kind, CellStyle>> styles = new EnumMap<>(RowKind.class);
    private final CellStyle headerStyle;
    private final int[] widths;
    private final List<SXSSFSheet> sheets = new ArrayList<>();
    private SXSSFSheet sheet;
    private int rowIndex;

    XlsxTable(Table table, Language language, OutputStream out) {
        this(table, language, out, SHEET_ROWS);
    }

    /** @param sheetRows rows per sheet, the header included (less than Excel's limit only in tests) */
    XlsxTable(Table table, Language language, OutputStream out, int sheetRows) {
        this.table = table;
        this.language = language;
        this.out = out;
        this.sheetRows = sheetRows;
        this.widths = new int[table.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            Column column = table.columns().get(i);
            widths[i] = column.kind() == Column.Kind.LONG_TEXT ? LONG_TEXT_WIDTH : longestLine(column.label().in(language));
        }
        book.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("Seire");
        book.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(table.title().in(language));
        Font bold = book.createFont();
        bold.setBold(true);
        headerStyle = book.createCellStyle();
        headerStyle.setFont(bold);
        headerStyle.setWrapText(true);
        headerStyle.setVerticalAlignment(VerticalAlignment.TOP);
        headerStyle.setBorderBottom(BorderStyle.THIN);
        headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        DataFormat formats = book.createDataFormat();
        for (RowKind kind : RowKind.values()) {
            Map<Column.Kind, CellStyle> byColumn = new EnumMap<>(Column.Kind.class);
            for (Column.Kind column : Column.Kind.values()) {
                CellStyle style = book.createCellStyle();
                style.setVerticalAlignment(VerticalAlignment.TOP);
                String format = format(column);
                if (format != null) {
                    style.setDataFormat(formats.getFormat(format));
                }
                if (column == Column.Kind.LONG_TEXT) {
                    style.setWrapText(true);
                }
                if (kind != RowKind.ITEM) {
                    style.setFont(bold);
                }
                if (kind == RowKind.TOTAL) {
                    style.setBorderTop(BorderStyle.THIN);
                }
                byColumn.put(column, style);
            }
            styles.put(kind, byColumn);
        }
        newSheet();
    }

    private String format(Column.Kind kind) {
        return switch (kind) {
            case MONEY -> "#,##0.00";
            case PERCENT, DECIMAL -> "0.00";
            case NUMBER -> "General";
            case DATE -> language == Language.ET ? "dd.mm.yyyy" : "yyyy-mm-dd";
            case TIMESTAMP -> language == Language.ET ? "dd.mm.yyyy hh:mm:ss" : "yyyy-mm-dd hh:mm:ss";
            case TEXT, LONG_TEXT -> null;
        };
    }

    private void newSheet() {
        String title = table.title().in(language);
        String name = sheets.isEmpty() ? title : title + " (" + (sheets.size() + 1) + ")";
        if (name.length() > 31) {
            String suffix = sheets.isEmpty() ? "" : " (" + (sheets.size() + 1) + ")";
            name = title.substring(0, 31 - suffix.length()) + suffix;
        }
        sheet = book.createSheet(WorkbookUtil.createSafeSheetName(name));
        sheets.add(sheet);
        Row header = sheet.createRow(0);
        for (int i = 0; i < table.columns().size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(table.columns().get(i).label().in(language));
            cell.setCellStyle(headerStyle);
        }
        sheet.createFreezePane(0, 1);
        rowIndex = 1;
    }

    /** How many rows of the current sheet are still held in memory (the rest wait on disk). */
    int rowsHeld() {
        int held = 0;
        for (Row ignored : sheet) {
            held++;
        }
        return held;
    }

    @Override
    public Language language() {
        return language;
    }

    @Override
    public void row(RowKind kind, Object... cells) throws IOException {
        if (cells.length != table.columns().size()) {
            throw new IllegalArgumentException("A row of " + table.fileName() + " has " + table.columns().size()
                    + " cells, not " + cells.length);
        }
        if (rowIndex == sheetRows) {
            newSheet();
        }
        Row row = sheet.createRow(rowIndex++);
        Map<Column.Kind, CellStyle> rowStyles = styles.get(kind);
        for (int i = 0; i < cells.length; i++) {
            Column.Kind columnKind = table.columns().get(i).kind();
            Object value = cells[i];
            Cell cell = row.createCell(i);
            if (value instanceof String text) {
                // a text value in a number column (a text indicator's value) is text, styled as text
                cell.setCellStyle(rowStyles.get(isText(columnKind) ? columnKind : Column.Kind.TEXT));
            } else {
                cell.setCellStyle(rowStyles.get(columnKind));
            }
            widths[i] = Math.max(widths[i], write(cell, value));
        }
    }

    private static boolean isText(Column.Kind kind) {
        return kind == Column.Kind.TEXT || kind == Column.Kind.LONG_TEXT;
    }

    /** Writes the value and answers how many characters wide it shows. */
    private static int write(Cell cell, Object value) {
        if (value == null) {
            cell.setBlank();
            return 0;
        }
        if (value instanceof String s) {
            String text = s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT - 1) + "…" : s;
            cell.setCellValue(text);
            return longestLine(text);
        }
        if (value instanceof Number n) {
            BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
            cell.setCellValue(d.doubleValue());
            String plain = d.toPlainString();
            int integerDigits = plain.indexOf('.') < 0 ? plain.length() : plain.indexOf('.');
            return plain.length() + integerDigits / 3 + 1;
        }
        if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            return 10;
        }
        if (value instanceof Instant i) {
            cell.setCellValue(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
            return 19;
        }
        throw new IllegalArgumentException("A cell cannot hold a " + value.getClass().getName());
    }

    private static int longestLine(String text) {
        int longest = 0;
        for (String line : text.split("\n", -1)) {
            longest = Math.max(longest, line.codePointCount(0, line.length()));
        }
        return longest;
    }

    @Override
    public void finish() throws IOException {
        for (SXSSFSheet s : sheets) {
            for (int i = 0; i < widths.length; i++) {
                int limit = table.columns().get(i).kind() == Column.Kind.LONG_TEXT ? LONG_TEXT_WIDTH : MAX_WIDTH;
                int chars = Math.max(MIN_WIDTH, Math.min(limit, widths[i])) + 2;
                s.setColumnWidth(i, chars * 256);
            }
        }
        book.write(out);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        book.dispose();
        book.close();
    }
}
