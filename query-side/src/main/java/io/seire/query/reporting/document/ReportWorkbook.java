package io.seire.query.reporting.document;

import io.seire.query.finance.BudgetExecution;
import io.seire.query.reporting.ReportComposer;
import io.seire.query.results.ResultsFramework;
import io.seire.query.setup.ProjectViews;
import io.seire.query.staffing.StaffingView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The monitoring report as a workbook with three sheets: the report (header fields, narratives, staffing, assessment,
 * signatures), annex 2 and annex 5. Numbers are numeric cells with two-decimal formats, dates are date cells; the
 * figures are those of the submitted report, subtotals and totals included.
 */
final class ReportWorkbook implements AutoCloseable {

    private final ReportContent content;
    private final Wording w;
    private final XSSFWorkbook book = new XSSFWorkbook();
    private final CellStyle bold;
    private final CellStyle header;
    private final CellStyle wrap;
    private final CellStyle date;
    private final CellStyle money;
    private final CellStyle moneyBold;
    private final CellStyle decimal;

    private ReportWorkbook(ReportContent content, Wording wording) {
        this.content = content;
        this.w = wording;
        Font boldFont = book.createFont();
        boldFont.setBold(true);
        bold = book.createCellStyle();
        bold.setFont(boldFont);
        header = book.createCellStyle();
        header.setFont(boldFont);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        wrap = book.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        short dateFormat = book.createDataFormat().getFormat(wording == Wording.ET ? "dd.mm.yyyy" : "yyyy-mm-dd");
        date = book.createCellStyle();
        date.setDataFormat(dateFormat);
        date.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
        short twoDecimals = book.createDataFormat().getFormat("#,##0.00");
        money = book.createCellStyle();
        money.setDataFormat(twoDecimals);
        moneyBold = book.createCellStyle();
        moneyBold.setDataFormat(twoDecimals);
        moneyBold.setFont(boldFont);
        decimal = book.createCellStyle();
        decimal.setDataFormat(twoDecimals);
    }

    static byte[] render(ReportContent content, Wording wording) {
        try (ReportWorkbook workbook = new ReportWorkbook(content, wording).fill()) {
            return workbook.bytes();
        }
    }

    private ReportWorkbook fill() {
        report(book.createSheet(w.text("sheet.report")));
        annex2(book.createSheet(w.text("sheet.annex2")));
        annex5(book.createSheet(w.text("sheet.annex5")));
        return this;
    }

    private byte[] bytes() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ report

    private void report(Sheet s) {
        ProjectViews.ProjectDetail p = content.project();
        int r = 0;
        text(s.createRow(r++), 0, w.text("title"), bold);
        Row kind = s.createRow(r++);
        text(kind, 0, w.text("kind"), bold);
        text(kind, 1, w.term("kind", content.report().kind()), null);
        r++;
        r = pair(s, r, w.text("h.name"), p.name());
        r = pair(s, r, w.text("h.code"), p.id());
        r = pair(s, r, w.text("h.beneficiary"), p.beneficiary());
        if (content.partners().isEmpty()) {
            r = pair(s, r, w.text("h.partners"), w.notApplicable());
        } else {
            for (ProjectViews.Partner partner : content.partners()) {
                Row row = s.createRow(r++);
                text(row, 0, w.text("h.partners"), bold);
                text(row, 1, partner.name(), null);
                text(row, 2, partner.country(), null);
                text(row, 3, partner.role(), null);
            }
        }
        r = dates(s, r, w.text("h.eligibility"), p.eligibleFrom(), p.eligibleTo());
        r = dates(s, r, w.text("h.reportingPeriod"), content.cumulativeFrom(), content.report().period().to());
        r = pair(s, r, w.text("h.contract"), p.contractNumber());
        r = pair(s, r, w.text("h.programme"), p.programme() + (p.component() == null ? "" : " \u00b7 " + p.component()));
        r = pair(s, r, w.text("h.period"), content.report().period().id());
        r = pair(s, r, w.text("h.report"), content.report().id());
        r = pair(s, r, w.text("x.chainHead"), content.report().chainHead());

        r++;
        text(s.createRow(r++), 0, w.text("s.progress"), bold);
        headerRow(s.createRow(r++), w.text("subActivity"), w.text("period"), w.text("x.from"), w.text("x.to"),
                w.text("status"), w.text("narrativeIntro"), w.text("problems"), w.text("measures"), w.text("nextSteps"));
        for (ProjectViews.SubActivity sub : p.subActivities()) {
            for (ReportComposer.PeriodProgress period : content.cumulative().progress()) {
                for (ReportComposer.Narrative n : period.subActivities()) {
                    if (!n.subActivity().equals(sub.code())) {
                        continue;
                    }
                    Row row = s.createRow(r++);
                    text(row, 0, sub.code() + ": " + sub.name(), wrap);
                    text(row, 1, period.period(), null);
                    date(row, 2, period.from());
                    date(row, 3, period.to());
                    text(row, 4, w.term("progress", n.status()), null);
                    text(row, 5, n.summary(), wrap);
                    text(row, 6, n.problems(), wrap);
                    text(row, 7, n.measures(), wrap);
                    text(row, 8, n.nextSteps(), wrap);
                }
            }
        }

        r++;
        text(s.createRow(r++), 0, w.text("staffingChanges"), bold);
        headerRow(s.createRow(r++), w.text("c.date"), w.text("c.change"), w.text("c.position"), w.text("c.person"),
                w.text("c.workload"), w.text("c.reason"));
        for (StaffingView.Change c : content.cumulative().staffingChanges().changes()) {
            Row row = s.createRow(r++);
            date(row, 0, c.date());
            text(row, 1, w.term("staff", c.type()), null);
            text(row, 2, c.position(), null);
            text(row, 3, c.name(), null);
            number(row, 4, c.workloadPercent(), decimal);
            text(row, 5, c.reason(), wrap);
        }
        StaffingView.OnDay on = content.report().staffing().onPeriodEnd();
        Row onRow = s.createRow(r++);
        text(onRow, 0, w.text("positionsOn"), bold);
        date(onRow, 1, on.on());
        headerRow(s.createRow(r++), w.text("c.position"), w.text("c.subActivities"), w.text("c.person"),
                w.text("c.since"), w.text("c.workload"), w.text("c.fte"));
        for (StaffingView.PositionOnDay position : on.positions()) {
            Row row = s.createRow(r++);
            text(row, 0, position.title() + " (" + position.code() + ")", null);
            text(row, 1, String.join(", ", position.subActivities()), null);
            text(row, 2, position.holder() == null ? w.text("vacant") : position.holder().name(), null);
            if (position.holder() != null) {
                date(row, 3, position.holder().startDate());
                number(row, 4, position.holder().workloadPercent(), decimal);
            }
            number(row, 5, position.fte(), decimal);
        }
        Row fte = s.createRow(r++);
        text(fte, 0, w.text("totalFte"), bold);
        number(fte, 5, on.fte(), moneyBold);

        r++;
        text(s.createRow(r++), 0, w.text("s.assessment"), bold);
        text(s.createRow(r++), 0, content.report().assessment(), wrap);

        r++;
        headerRow(s.createRow(r++), w.text("author"), w.text("jobTitle"), w.text("dated"));
        Row author = s.createRow(r++);
        ReportComposer.Signatory a = content.report().author();
        text(author, 0, a == null ? null : a.name(), null);
        text(author, 1, a == null ? null : a.position(), null);
        date(author, 2, content.submittedOn());
        headerRow(s.createRow(r++), w.text("signatory"), w.text("jobTitle"), w.text("dated"));
        Row confirmed = s.createRow(r++);
        ReportComposer.Signatory c = content.report().confirmedBy();
        text(confirmed, 0, c == null ? null : c.name(), null);
        text(confirmed, 1, c == null ? null : c.position(), null);
        date(confirmed, 2, content.submittedOn());
        Row submitted = s.createRow(r++);
        text(submitted, 0, w.text("submitted"), bold);
        text(submitted, 1, content.report().submittedBy(), null);
        date(submitted, 2, content.submittedOn());
        var decision = content.decision();
        if (decision.isPresent()) {
            Row row = s.createRow(r++);
            text(row, 0, "APPROVED".equals(decision.get().decision()) ? w.text("approved") : w.text("returned"), bold);
            text(row, 1, decision.get().actor(), null);
            date(row, 2, decision.get().date());
            text(row, 3, decision.get().comment(), null);
        } else {
            Row row = s.createRow(r++);
            text(row, 0, w.text("approved"), bold);
            text(row, 1, w.text("notApproved"), null);
        }
        s.setColumnWidth(0, 40 * 256);
        s.setColumnWidth(1, 40 * 256);
        for (int i = 2; i <= 4; i++) {
            s.setColumnWidth(i, 14 * 256);
        }
        for (int i = 5; i <= 8; i++) {
            s.setColumnWidth(i, 50 * 256);
        }
    }

    private int pair(Sheet s, int r, String label, String value) {
        Row row = s.createRow(r);
        text(row, 0, label, bold);
        text(row, 1, value == null ? w.text("none") : value, null);
        return r + 1;
    }

    private int dates(Sheet s, int r, String label, LocalDate from, LocalDate to) {
        Row row = s.createRow(r);
        text(row, 0, label, bold);
        date(row, 1, from);
        date(row, 2, to);
        return r + 1;
    }

    // ------------------------------------------------------------------ annex 2

    private void annex2(Sheet s) {
        int r = 0;
        text(s.createRow(r++), 0, w.text("a2.title") + " \u00b7 " + content.project().id(), bold);
        Row asOf = s.createRow(r++);
        text(asOf, 0, w.text("asOf"), null);
        date(asOf, 1, content.report().period().to());
        headerRow(s.createRow(r++), w.text("a2.code"), w.text("a2.indicator"), w.text("a2.unit"), w.text("a2.baseline"),
                w.text("a2.milestone"), w.text("a2.target"), w.text("a2.valueInPeriod"), w.text("a2.cumulative"),
                w.text("a2.percent"), w.text("a2.status"));
        s.createFreezePane(0, r);
        List<Object[]> values = new ArrayList<>();
        for (ResultsFramework.Row row : content.report().resultsFramework()) {
            boolean text = "TEXT".equals(row.measure());
            Row x = s.createRow(r++);
            text(x, 0, row.code(), bold);
            text(x, 1, row.name(), wrap);
            text(x, 2, row.unit(), null);
            indicator(x, 3, row.baseline(), text);
            indicator(x, 4, row.milestone(), text);
            indicator(x, 5, row.target(), text);
            indicator(x, 6, row.valueInPeriod(), text);
            indicator(x, 7, row.cumulative(), text);
            number(x, 8, row.percentOfTarget(), decimal);
            text(x, 9, w.term("indicator", row.status()), null);
            if (row.values() != null) {
                row.values().forEach(v -> values.add(new Object[] {row, v}));
            }
        }
        r++;
        text(s.createRow(r++), 0, w.text("a2.values"), bold);
        headerRow(s.createRow(r++), w.text("a2.code"), w.text("a2.indicator"), "Id", w.text("a2.value"),
                w.text("a2.note"), w.text("a2.evidence"));
        for (Object[] pair : values) {
            ResultsFramework.Row row = (ResultsFramework.Row) pair[0];
            ResultsFramework.PeriodValue v = (ResultsFramework.PeriodValue) pair[1];
            Row x = s.createRow(r++);
            text(x, 0, row.code(), null);
            text(x, 1, row.name(), wrap);
            text(x, 2, v.id(), null);
            indicator(x, 3, v.value(), "TEXT".equals(row.measure()));
            text(x, 4, v.note(), wrap);
            text(x, 5, v.evidence(), wrap);
        }
        s.setColumnWidth(0, 10 * 256);
        s.setColumnWidth(1, 45 * 256);
        s.setColumnWidth(2, 16 * 256);
        for (int i = 3; i <= 9; i++) {
            s.setColumnWidth(i, 16 * 256);
        }
        s.setColumnWidth(4, 40 * 256);
        s.setColumnWidth(5, 40 * 256);
    }

    private void indicator(Row row, int column, String value, boolean text) {
        if (text) {
            text(row, column, value, wrap);
        } else {
            number(row, column, value, decimal);
        }
    }

    // ------------------------------------------------------------------ annex 5

    private void annex5(Sheet s) {
        BudgetExecution.View budget = content.budget();
        int r = 0;
        text(s.createRow(r++), 0, w.text("a5.title") + " \u00b7 " + content.project().id(), bold);
        Row range = s.createRow(r++);
        text(range, 0, w.text("a5.currency") + " " + budget.currency(), null);
        date(range, 1, budget.from());
        date(range, 2, budget.to());
        headerRow(s.createRow(r++), w.text("a5.line"), w.text("subActivity"), w.text("a5.costCategory"),
                w.text("a5.originalPlanned"), w.text("a5.planned"), w.text("a5.spentInPeriod"),
                w.text("a5.spentCumulative"), w.text("a5.remaining"), w.text("a5.executionPercent"));
        s.createFreezePane(0, r);
        for (BudgetExecution.Figures sub : budget.subActivities()) {
            for (BudgetExecution.Figures line : budget.lines()) {
                if (sub.subActivity().equals(line.subActivity())) {
                    figures(s.createRow(r++), line.code(), line.subActivity(), line.costCategory(), line, money, null);
                }
            }
            figures(s.createRow(r++), w.text("a5.subtotal") + " " + sub.subActivity(), sub.subActivity(), null, sub,
                    moneyBold, bold);
        }
        figures(s.createRow(r++), w.text("a5.total"), null, null, budget.totals(), moneyBold, bold);
        r++;
        text(s.createRow(r++), 0, w.text("a5.byCategory"), bold);
        for (BudgetExecution.Figures category : budget.costCategories()) {
            figures(s.createRow(r++), category.costCategory(), null, category.costCategory(), category, money, null);
        }
        figures(s.createRow(r++), w.text("a5.total"), null, null, budget.totals(), moneyBold, bold);
        s.setColumnWidth(0, 24 * 256);
        s.setColumnWidth(1, 12 * 256);
        s.setColumnWidth(2, 16 * 256);
        for (int i = 3; i <= 8; i++) {
            s.setColumnWidth(i, 17 * 256);
        }
    }

    private void figures(Row row, String first, String sub, String category, BudgetExecution.Figures f,
                         CellStyle amounts, CellStyle label) {
        text(row, 0, first, label);
        text(row, 1, sub, null);
        text(row, 2, category, null);
        number(row, 3, f.originalPlanned(), amounts);
        number(row, 4, f.planned(), amounts);
        number(row, 5, f.spentInPeriod(), amounts);
        number(row, 6, f.spentCumulative(), amounts);
        number(row, 7, f.remaining(), amounts);
        number(row, 8, f.executionPercent(), amounts);
    }

    // ------------------------------------------------------------------ cells

    private void headerRow(Row row, String... labels) {
        for (int i = 0; i < labels.length; i++) {
            text(row, i, labels[i], header);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell c = row.createCell(column);
        c.setCellValue(value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, String value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell c = row.createCell(column);
        c.setCellValue(new BigDecimal(value).doubleValue());
        c.setCellStyle(style);
    }

    private void date(Row row, int column, LocalDate value) {
        if (value == null) {
            return;
        }
        Cell c = row.createCell(column);
        c.setCellValue(value);
        c.setCellStyle(date);
    }

    @Override
    public void close() {
        try {
            book.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
