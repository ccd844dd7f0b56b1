package io.seire.query.reporting.document;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.seire.query.export.PdfKit;
import io.seire.query.finance.BudgetExecution;
import io.seire.query.reporting.ReportComposer;
import io.seire.query.results.ResultsFramework;
import io.seire.query.setup.ProjectViews;
import io.seire.query.staffing.StaffingView;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;

/**
 * The monitoring report as a PDF, laid out like the contract's form (seed 003): the header fields, the cumulative
 * narrative per sub-activity, staffing, the assessment and signatures on portrait pages; annex 2 and annex 5 with
 * their charts on landscape pages; a footer with the report id, the audit chain head and the page number.
 *
 * <p>Deterministic: the same content and language give the same bytes. The metadata dates are the submission's and
 * the decision's instants, the file identifier is derived from the content, font subsets have fixed names, and
 * every list is drawn in the document's own order.
 */
final class ReportPdf {

    private static final Color RULE = PdfKit.RULE;
    private static final Color HEAD = PdfKit.HEAD;
    private static final Color BAND = PdfKit.BAND;

    private final ReportContent content;
    private final Wording w;
    private final PdfKit kit = new PdfKit();
    private PdfWriter writer;
    private final Font body = kit.body;
    private final Font bodyBold = kit.bodyBold;
    private final Font small = kit.small;
    private final Font smallBold = kit.smallBold;
    private final Font smallMuted = kit.smallMuted;
    private final Font cell = kit.cell;
    private final Font cellBold = kit.cellBold;
    private final Font title = kit.title;
    private final Font heading = kit.heading;
    private final Font subheading = kit.subheading;

    private ReportPdf(ReportContent content, Wording wording) {
        this.content = content;
        this.w = wording;
    }

    static byte[] render(ReportContent content, Wording wording) {
        return new ReportPdf(content, wording).render();
    }

    private byte[] render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        Document document = new Document(PageSize.A4, 50, 50, 48, 64);
        try {
            writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(kit.footer(w.text("footer.report") + " " + content.report().id() + " \u00b7 "
                    + content.project().id() + " \u00b7 " + w.text("period") + " " + content.report().period().id(),
                    w.text("footer.chain") + ": " + content.report().chainHead(), w.text("footer.page")));
            document.addTitle(w.text("title") + " " + content.report().id() + " \u2013 " + content.project().id());
            document.addSubject(content.project().name());
            document.addCreator("Seire");
            document.open();
            fixMetadata(writer);
            front(document);
            progress(document);
            staffing(document);
            assessment(document);
            signatures(document);
            document.setPageSize(PageSize.A4.rotate());
            document.setMargins(40, 40, 40, 60);
            document.newPage();
            annex2(document, writer);
            document.newPage();
            annex5(document, writer);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The report could not be laid out", e);
        }
        return out.toByteArray();
    }

    /** Creation and modification dates from the report's own history, and a file identifier from its content. */
    private void fixMetadata(PdfWriter writer) {
        Instant created = content.report().submittedAt();
        Instant modified = content.decision().map(ReportContent.Decision::recordedAt).orElse(created);
        PdfKit.fixMetadata(writer, created, modified, content.report().project() + "\n" + content.report().id()
                + "\n" + w.code() + "\n" + content.decision().map(d -> d.decision() + "@" + d.position()).orElse(""));
    }

    // ------------------------------------------------------------------ header fields

    private void front(Document d) throws DocumentException {
        block(d, new Paragraph(w.text("title"), title), 0, 4);
        Paragraph kind = new Paragraph();
        kind.add(new Chunk(w.text("kind") + ": ", body));
        kind.add(new Chunk(w.term("kind", content.report().kind()), bodyBold));
        block(d, kind, 0, 10);

        ProjectViews.ProjectDetail p = content.project();
        PdfPTable table = table(new float[] {36, 64});
        field(table, w.text("h.name"), p.name());
        field(table, w.text("h.code"), p.id());
        field(table, w.text("h.beneficiary"), p.beneficiary());
        field(table, w.text("h.partners"), partners());
        field(table, w.text("h.eligibility"), w.range(p.eligibleFrom(), p.eligibleTo()));
        field(table, w.text("h.reportingPeriod"), w.range(content.cumulativeFrom(), content.report().period().to()));
        field(table, w.text("h.contract"), p.contractNumber() == null ? w.text("none") : p.contractNumber());
        field(table, w.text("h.programme"), p.programme() + (p.component() == null ? "" : " \u00b7 " + p.component()));
        field(table, w.text("h.period"), content.report().period().id() + " ("
                + w.range(content.report().period().from(), content.report().period().to()) + ")");
        field(table, w.text("h.report"), content.report().id());
        d.add(table);
    }

    private String partners() {
        if (content.partners().isEmpty()) {
            return w.notApplicable();
        }
        return content.partners().stream().map(p -> {
            List<String> more = new ArrayList<>();
            if (p.country() != null) {
                more.add(p.country());
            }
            if (p.role() != null) {
                more.add(p.role());
            }
            return p.name() + (more.isEmpty() ? "" : " (" + String.join(", ", more) + ")");
        }).collect(Collectors.joining("\n"));
    }

    private void field(PdfPTable table, String label, String value) {
        kit.field(table, label, value);
    }

    // ------------------------------------------------------------------ 7. progress, cumulative

    private void progress(Document d) throws DocumentException {
        section(d, w.text("s.progress"));
        note(d, w.text("s.progressIntro"));
        Map<String, List<Object[]>> bySubActivity = new LinkedHashMap<>();
        for (ReportComposer.PeriodProgress period : content.cumulative().progress()) {
            for (ReportComposer.Narrative n : period.subActivities()) {
                bySubActivity.computeIfAbsent(n.subActivity(), k -> new ArrayList<>()).add(new Object[] {period, n});
            }
        }
        for (ProjectViews.SubActivity sub : content.project().subActivities()) {
            keepSpace(d, 90);
            PdfPTable head = blockTable();
            head.addCell(blockCell(new Paragraph(w.text("subActivity") + " " + sub.code() + ": " + sub.name(),
                    subheading), 10, 1));
            head.addCell(blockCell(new Paragraph(w.text("narrativeIntro"), smallMuted), 0, 3));
            head.setKeepTogether(true);
            d.add(head);
            List<Object[]> narratives = bySubActivity.getOrDefault(sub.code(), List.of());
            if (narratives.isEmpty()) {
                block(d, text(w.text("noNarrative"), body), 0, 4);
            }
            for (Object[] pair : narratives) {
                ReportComposer.PeriodProgress period = (ReportComposer.PeriodProgress) pair[0];
                ReportComposer.Narrative n = (ReportComposer.Narrative) pair[1];
                Paragraph when = new Paragraph();
                when.add(new Chunk(w.text("period") + " " + period.period() + " (" + w.range(period.from(), period.to())
                        + ")", smallBold));
                when.add(new Chunk(" \u00b7 " + w.text("status") + ": " + w.term("progress", n.status()), small));
                block(d, when, 5, 1);
                block(d, text(n.summary(), body), 0, 1);
                labelled(d, w.text("problems"), n.problems());
                labelled(d, w.text("measures"), n.measures());
                labelled(d, w.text("nextSteps"), n.nextSteps());
            }
        }
    }

    private void labelled(Document d, String label, String value) throws DocumentException {
        if (value == null || value.isBlank()) {
            return;
        }
        Paragraph p = new Paragraph();
        p.add(new Chunk(label + ": ", bodyBold));
        p.add(new Chunk(value, body));
        p.setLeading(body.getSize() * 1.35f);
        block(d, p, 1, 1);
    }

    // ------------------------------------------------------------------ staffing

    private void staffing(Document d) throws DocumentException {
        section(d, w.text("s.staffing"));
        StaffingView.InPeriod changes = content.cumulative().staffingChanges();
        keepSpace(d, 90);
        block(d, new Paragraph(w.text("staffingChanges") + " \u00b7 " + w.range(changes.from(), changes.to()),
                subheading), 0, 4);
        if (changes.changes().isEmpty()) {
            block(d, text(w.text("noStaffingChanges"), body), 0, 4);
        } else {
            PdfPTable t = table(new float[] {11, 20, 20, 18, 9, 26});
            t.setHeaderRows(1);
            header(t, w.text("c.date"), w.text("c.change"), w.text("c.position"), w.text("c.person"),
                    w.text("c.workload"), w.text("c.reason"));
            Map<String, String> titles = positionTitles();
            for (StaffingView.Change c : changes.changes()) {
                cells(t, w.date(c.date()), w.term("staff", c.type()),
                        titles.getOrDefault(c.position(), c.position()), nz(c.name()),
                        c.workloadPercent() == null ? "" : w.percent(c.workloadPercent()), nz(c.reason()));
            }
            d.add(t);
        }
        StaffingView.OnDay on = content.report().staffing().onPeriodEnd();
        keepSpace(d, 90);
        block(d, new Paragraph(w.text("positionsOn") + " " + w.date(on.on()), subheading), 10, 4);
        if (on.positions().isEmpty()) {
            block(d, text(w.text("noPositions"), body), 0, 4);
            return;
        }
        PdfPTable t = table(new float[] {24, 14, 24, 14, 10, 14});
        t.setHeaderRows(1);
        header(t, w.text("c.position"), w.text("c.subActivities"), w.text("c.person"), w.text("c.since"),
                w.text("c.workload"), w.text("c.fte"));
        for (StaffingView.PositionOnDay position : on.positions()) {
            StaffingView.Holder holder = position.holder();
            cells(t, position.title() + " (" + position.code() + ")", String.join(", ", position.subActivities()),
                    holder == null ? w.text("vacant") : holder.name(), holder == null ? "" : w.date(holder.startDate()),
                    holder == null ? "" : w.percent(holder.workloadPercent()));
            t.addCell(number(w.money(position.fte()), cell));
        }
        PdfPCell total = new PdfPCell(new Phrase(w.text("totalFte"), cellBold));
        total.setColspan(5);
        pad(total);
        total.setBackgroundColor(BAND);
        t.addCell(total);
        PdfPCell fte = number(w.money(on.fte()), cellBold);
        fte.setBackgroundColor(BAND);
        t.addCell(fte);
        d.add(t);
    }

    private Map<String, String> positionTitles() {
        Map<String, String> titles = new LinkedHashMap<>();
        content.report().staffing().onPeriodEnd().positions().forEach(p -> titles.put(p.code(), p.title()));
        return titles;
    }

    // ------------------------------------------------------------------ 8. assessment, signatures

    private void assessment(Document d) throws DocumentException {
        section(d, w.text("s.assessment"));
        block(d, text(content.report().assessment(), body), 0, 4);
        block(d, text(w.text("annexNote"), smallMuted), 2, 6);
    }

    /** The signature block as the form has it, kept on one page. */
    private void signatures(Document d) throws DocumentException {
        String date = w.date(content.submittedOn());
        PdfPTable t = table(new float[] {30, 10, 35, 25});
        PdfPCell heading = blockCell(new Paragraph(w.text("s.signatures"), this.heading), 16, 5);
        heading.setColspan(4);
        t.addCell(heading);
        signatoryRows(t, w.text("author"), content.report().author(), date);
        PdfPCell confirmation = blockCell(new Paragraph(w.text("confirmation"), smallBold), 8, 3);
        confirmation.setColspan(4);
        t.addCell(confirmation);
        signatoryRows(t, w.text("signatory"), content.report().confirmedBy(), date);
        PdfPCell gap = blockCell(new Paragraph("", small), 8, 0);
        gap.setColspan(4);
        t.addCell(gap);
        seireRow(t, w.text("submitted"), content.report().submittedBy() + " \u00b7 " + date);
        content.decision().ifPresentOrElse(decision -> seireRow(t,
                "APPROVED".equals(decision.decision()) ? w.text("approved") : w.text("returned"),
                decision.actor() + " \u00b7 " + w.date(decision.date())
                        + (decision.comment() == null ? "" : "\n" + w.text("comment") + ": " + decision.comment())),
                () -> seireRow(t, w.text("approved"), w.text("notApproved")));
        t.setKeepTogether(true);
        d.add(t);
    }

    private void signatoryRows(PdfPTable t, String role, ReportComposer.Signatory who, String date) {
        PdfPCell name = headerCell(role);
        name.setColspan(2);
        t.addCell(name);
        t.addCell(headerCell(w.text("jobTitle")));
        t.addCell(headerCell(w.text("dated")));
        PdfPCell person = plain(who == null ? w.text("none") : who.name(), cell);
        person.setColspan(2);
        t.addCell(person);
        t.addCell(plain(who == null ? w.text("none") : who.position(), cell));
        t.addCell(plain(date, cell));
    }

    private void seireRow(PdfPTable t, String label, String value) {
        PdfPCell l = new PdfPCell(new Phrase(label, smallBold));
        l.setBackgroundColor(BAND);
        pad(l);
        t.addCell(l);
        PdfPCell v = new PdfPCell(new Phrase(value, body));
        v.setColspan(3);
        pad(v);
        t.addCell(v);
    }

    // ------------------------------------------------------------------ annex 2

    private void annex2(Document d, PdfWriter writer) throws DocumentException {
        annexTitle(d, w.text("a2.title"));
        PdfPTable t = table(new float[] {5, 24, 9, 7, 8, 7, 8, 8, 9, 9});
        t.setHeaderRows(1);
        header(t, w.text("a2.code"), w.text("a2.indicator"), w.text("a2.unit"), w.text("a2.baseline"),
                w.text("a2.milestone"), w.text("a2.target"), w.text("a2.valueInPeriod"), w.text("a2.cumulative"),
                w.text("a2.percent"), w.text("a2.status"));
        for (ResultsFramework.Row row : content.report().resultsFramework()) {
            boolean text = "TEXT".equals(row.measure());
            t.addCell(plain(row.code(), cellBold));
            t.addCell(plain(row.name(), cell));
            t.addCell(plain(row.unit(), cell));
            t.addCell(number(indicatorValue(row.baseline(), text), cell));
            t.addCell(number(indicatorValue(row.milestone(), text), cell));
            t.addCell(number(indicatorValue(row.target(), text), cell));
            t.addCell(text ? plain(nz(row.valueInPeriod()), cell) : number(w.number(row.valueInPeriod()), cell));
            t.addCell(text ? plain(nz(row.cumulative()), cell) : number(w.number(row.cumulative()), cellBold));
            t.addCell(number(w.percent(row.percentOfTarget()), cell));
            t.addCell(plain(w.term("indicator", row.status()), cell));
            PdfPCell values = new PdfPCell(valuesOf(row, text));
            values.setColspan(10);
            values.setBackgroundColor(BAND);
            values.setPaddingLeft(14);
            values.setPaddingTop(2);
            values.setPaddingBottom(4);
            values.setBorderColor(RULE);
            t.addCell(values);
        }
        d.add(t);

        List<ProjectViews.Indicator> numeric = content.project().indicators().stream()
                .filter(i -> !"TEXT".equals(i.measure()) && i.target() != null).toList();
        if (numeric.isEmpty()) {
            return;
        }
        d.newPage();
        annexTitle(d, w.text("a2.charts"));
        ReportCharts charts = new ReportCharts(w);
        PdfPTable grid = new PdfPTable(2);
        grid.setWidthPercentage(100);
        grid.getDefaultCell().setBorder(Rectangle.NO_BORDER);
        float width = (PageSize.A4.getHeight() - 80) / 2 - 8;
        float height = 215;
        for (ProjectViews.Indicator indicator : numeric) {
            JFreeChart chart = charts.indicator(indicator, content.project(), content.cumulative().results());
            PdfPCell c = new PdfPCell(chart(writer, chart, width, height), false);
            c.setBorder(Rectangle.NO_BORDER);
            c.setPadding(4);
            grid.addCell(c);
        }
        grid.completeRow();
        d.add(grid);
    }

    private String indicatorValue(String value, boolean text) {
        return text ? nz(value) : w.number(value);
    }

    private Phrase valuesOf(ResultsFramework.Row row, boolean text) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(w.text("a2.values") + ": ", smallBold));
        List<ResultsFramework.PeriodValue> values = row.values() == null ? List.of() : row.values();
        if (values.isEmpty()) {
            phrase.add(new Chunk(w.text("a2.noValues"), small));
            return phrase;
        }
        boolean first = true;
        for (ResultsFramework.PeriodValue v : values) {
            phrase.add(new Chunk((first ? "" : "\n") + w.text("a2.value") + " " + (text ? v.value() : w.number(v.value()))
                    + " (" + v.id() + ")", small));
            if (v.note() != null) {
                phrase.add(new Chunk(" \u00b7 " + w.text("a2.note") + ": ", smallBold));
                phrase.add(new Chunk(v.note(), small));
            }
            if (v.evidence() != null) {
                phrase.add(new Chunk(" \u00b7 " + w.text("a2.evidence") + ": ", smallBold));
                phrase.add(new Chunk(v.evidence(), small));
            }
            first = false;
        }
        return phrase;
    }

    // ------------------------------------------------------------------ annex 5

    private void annex5(Document d, PdfWriter writer) throws DocumentException {
        BudgetExecution.View budget = content.budget();
        annexTitle(d, w.text("a5.title"));
        note(d, w.text("a5.currency") + " " + budget.currency() + " \u00b7 " + w.text("period") + " "
                + budget.period() + " (" + w.range(budget.from(), budget.to()) + ")");
        PdfPTable t = table(new float[] {17, 15, 11, 11, 11, 11, 11, 8});
        t.setHeaderRows(1);
        moneyHeader(t, w.text("a5.line"), w.text("a5.costCategory"));
        Map<String, BudgetExecution.Figures> subtotals = new LinkedHashMap<>();
        budget.subActivities().forEach(s -> subtotals.put(s.subActivity(), s));
        List<String> order = new ArrayList<>();
        content.project().subActivities().forEach(s -> order.add(s.code()));
        budget.lines().forEach(l -> {
            if (!order.contains(l.subActivity())) {
                order.add(l.subActivity());
            }
        });
        for (String sub : order) {
            List<BudgetExecution.Figures> lines = budget.lines().stream()
                    .filter(l -> sub.equals(l.subActivity())).toList();
            if (lines.isEmpty()) {
                continue;
            }
            PdfPCell group = new PdfPCell(new Phrase(w.text("subActivity") + " " + sub + ": "
                    + content.subActivityName(sub), cellBold));
            group.setColspan(8);
            pad(group);
            group.setBorderColor(RULE);
            t.addCell(group);
            for (BudgetExecution.Figures line : lines) {
                String category = line.costCategory() + content.budgetLine(line.code())
                        .filter(b -> b.flatRate() != null)
                        .map(b -> " (" + w.text("a5.flatRate") + " " + w.percent(b.flatRate().percent()) + " \u00d7 "
                                + b.flatRate().ofCostCategory() + ")").orElse("");
                moneyRow(t, line.code(), category, line, cell, null);
            }
            BudgetExecution.Figures subtotal = subtotals.get(sub);
            if (subtotal != null) {
                moneyRow(t, w.text("a5.subtotal") + " " + sub, "", subtotal, cellBold, BAND);
            }
        }
        moneyRow(t, w.text("a5.total"), "", budget.totals(), cellBold, HEAD);
        d.add(t);

        block(d, new Paragraph(w.text("a5.byCategory"), subheading), 10, 4);
        PdfPTable categories = table(new float[] {32, 11, 11, 11, 11, 11, 8});
        categories.setHeaderRows(1);
        header(categories, w.text("a5.costCategory"), w.text("a5.originalPlanned"), w.text("a5.planned"),
                w.text("a5.spentInPeriod"), w.text("a5.spentCumulative"), w.text("a5.remaining"),
                w.text("a5.executionPercent"));
        for (BudgetExecution.Figures c : budget.costCategories()) {
            moneyRow(categories, c.costCategory(), null, c, cell, null);
        }
        moneyRow(categories, w.text("a5.total"), null, budget.totals(), cellBold, HEAD);
        d.add(categories);

        d.newPage();
        annexTitle(d, w.text("a5.chart"));
        ReportCharts charts = new ReportCharts(w);
        List<BudgetExecution.Figures> lines = budget.lines();
        float width = PageSize.A4.getHeight() - 80;
        for (int from = 0; from < lines.size(); from += 24) {
            List<BudgetExecution.Figures> part = lines.subList(from, Math.min(lines.size(), from + 24));
            float height = Math.min(440, 90 + 34 * part.size());
            Image image = chart(writer, charts.budget(part, budget.currency()), width, height);
            image.setAlignment(Element.ALIGN_CENTER);
            d.add(image);
        }
    }

    private void moneyHeader(PdfPTable t, String first, String second) {
        header(t, first, second, w.text("a5.originalPlanned"), w.text("a5.planned"), w.text("a5.spentInPeriod"),
                w.text("a5.spentCumulative"), w.text("a5.remaining"), w.text("a5.executionPercent"));
    }

    /** A row of money figures; {@code second} null leaves out the second label column. */
    private void moneyRow(PdfPTable t, String first, String second, BudgetExecution.Figures f, Font font, Color fill) {
        List<PdfPCell> row = new ArrayList<>(List.of(plain(first, font)));
        if (second != null) {
            row.add(plain(second, font));
        }
        row.addAll(List.of(number(w.money(f.originalPlanned()), font),
                number(w.money(f.planned()), font), number(w.money(f.spentInPeriod()), font),
                number(w.money(f.spentCumulative()), font), number(w.money(f.remaining()), font),
                number(w.percent(f.executionPercent()), font)));
        for (PdfPCell c : row) {
            if (fill != null) {
                c.setBackgroundColor(fill);
            }
            t.addCell(c);
        }
    }

    // ------------------------------------------------------------------ building blocks

    private Image chart(PdfWriter writer, JFreeChart chart, float width, float height) throws DocumentException {
        return kit.chart(writer, chart, width, height);
    }

    /** Starts a new page when less than {@code height} is left: a heading never stands alone at a page's foot. */
    private void keepSpace(Document d, float height) {
        PdfKit.keepSpace(writer, d, height);
    }

    private void section(Document d, String text) throws DocumentException {
        keepSpace(d, 120);
        PdfPTable t = blockTable();
        t.addCell(blockCell(new Paragraph(text, heading), 14, 4));
        t.setKeepTogether(true);
        d.add(t);
    }

    private void annexTitle(Document d, String text) throws DocumentException {
        block(d, new Paragraph(text + " \u00b7 " + content.project().id() + ", " + w.text("asOf") + " "
                + w.date(content.report().period().to()), heading), 0, 6);
    }

    private void note(Document d, String text) throws DocumentException {
        block(d, new Paragraph(text, smallMuted), 0, 3);
    }

    private Paragraph text(String text, Font font) {
        return kit.text(text, font);
    }

    private void block(Document d, Paragraph content, float before, float after) throws DocumentException {
        kit.block(d, content, before, after);
    }

    private PdfPTable blockTable() {
        return kit.blockTable();
    }

    private PdfPCell blockCell(Paragraph content, float before, float after) {
        return kit.blockCell(content, before, after);
    }

    private PdfPTable table(float[] widths) {
        return kit.table(widths);
    }

    private void header(PdfPTable t, String... labels) {
        kit.header(t, labels);
    }

    private PdfPCell headerCell(String label) {
        return kit.headerCell(label);
    }

    private void cells(PdfPTable t, String... values) {
        for (String value : values) {
            t.addCell(plain(value, cell));
        }
    }

    private PdfPCell plain(String text, Font font) {
        return kit.plain(text, font);
    }

    private PdfPCell number(String text, Font font) {
        return kit.number(text, font);
    }

    private static void pad(PdfPCell c) {
        PdfKit.pad(c);
    }

    private static String nz(String s) {
        return PdfKit.nz(s);
    }
}
