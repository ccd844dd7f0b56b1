package io.seire.query.reimbursement;

import io.seire.query.export.AsOf;
import io.seire.query.export.Cells;
import io.seire.query.export.Column;
import io.seire.query.export.Formats;
import io.seire.query.export.Language;
import io.seire.query.export.Letterhead;
import io.seire.query.export.PdfSections;
import io.seire.query.export.PdfTable;
import io.seire.query.export.Rendering;
import io.seire.query.export.Table;
import io.seire.query.export.TableWriter;
import io.seire.query.export.Tables;
import io.seire.query.export.Words;
import io.seire.query.programme.ProgrammeRow;
import io.seire.query.read.ProjectScope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * A reimbursement request as the documents a finance officer attaches: CSV, XLSX and PDF of exactly what
 * {@code GET …/reimbursement-requests/{id}} answers, plus each included expenditure as it stood when the request was
 * submitted (claimed expenditures cannot change while a request holds them, so that is what was claimed), and, once
 * approved, the exclusions with their reasons and the approved figures. Labels in Estonian or English.
 *
 * <p>CSV and XLSX are one table whose first column names the part a row belongs to (expenditure, budget line,
 * funding source, exchange rate, claim; then the same for the approval, and the payment), so that a spreadsheet can
 * filter it; the PDF sets each part out as a table of its own under the request's letterhead.
 */
@Component
public class ReimbursementDocuments {

    /** An included expenditure as it stood when the request was submitted. */
    record Expenditure(String id, String budgetLine, String costCategory, LocalDate incurredOn, LocalDate paidOn,
                       String supplier, String invoice, String description, String corrects, BigDecimal amount) {
    }

    /** What the documents show: the request's view, its expenditures, and where it stands. */
    record Content(ProjectScope scope, ReimbursementViews.RequestView request, List<Expenditure> expenditures,
                   Map<String, String> sourceNames, String programme, AsOf asOf) {

        String currency() {
            return scope.project().currency();
        }

        String claimCurrency() {
            return request.claimCurrency();
        }
    }

    private final JdbcClient jdbc;
    private final ReimbursementViews views;
    private final Tables tables;

    public ReimbursementDocuments(JdbcClient jdbc, ReimbursementViews views, Tables tables) {
        this.jdbc = jdbc;
        this.views = views;
        this.tables = tables;
    }

    /** The request as CSV, XLSX or PDF. */
    public ResponseEntity<byte[]> answer(Rendering how, ProjectScope scope, String requestId) {
        Content content = content(scope, requestId);
        Table table = table(content);
        if (how.format() != io.seire.query.export.Format.PDF) {
            return tables.answer(how, table, rows(content));
        }
        return tables.file(how.format(), table.fileName(), pdf(content, how.language()));
    }

    Content content(ProjectScope scope, String requestId) {
        ReimbursementViews.RequestView request = views.detail(scope, requestId);
        Long submittedAt = jdbc.sql("SELECT position FROM reimbursement_request WHERE project_id = :projectId "
                        + "AND request_id = :requestId")
                .param("projectId", scope.id()).param("requestId", requestId).query(Long.class).single();
        long submitted = submittedAt == null ? 0 : submittedAt;
        Map<String, Expenditure> byId = new HashMap<>();
        jdbc.sql("SELECT expenditure_id, budget_line, cost_category, incurred_on, paid_on, supplier, invoice, "
                        + "description, corrects, amount FROM expenditure_version WHERE project_id = :projectId "
                        + "AND expenditure_id = ANY(:expenditures) AND position <= :submitted "
                        + "AND (superseded_position IS NULL OR superseded_position > :submitted)")
                .param("projectId", scope.id())
                .param("expenditures", new SqlArrayValue("text", request.expenditures().toArray()))
                .param("submitted", submitted)
                .query(rs -> {
                    byId.put(rs.getString("expenditure_id"), new Expenditure(rs.getString("expenditure_id"),
                            rs.getString("budget_line"), rs.getString("cost_category"),
                            rs.getObject("incurred_on", LocalDate.class), rs.getObject("paid_on", LocalDate.class),
                            rs.getString("supplier"), rs.getString("invoice"), rs.getString("description"),
                            rs.getString("corrects"), rs.getBigDecimal("amount")));
                });
        List<Expenditure> expenditures = new ArrayList<>();
        for (String id : request.expenditures()) {
            Expenditure e = byId.get(id);
            if (e == null) {
                throw new IllegalStateException("Expenditure " + id + " of request " + requestId + " of "
                        + scope.id() + " is not in the expenditure view at position " + submitted);
            }
            expenditures.add(e);
        }
        Long last = jdbc.sql("SELECT max(position) FROM reimbursement_step WHERE project_id = :projectId "
                        + "AND request_id = :requestId AND position <= :maxPosition")
                .param("projectId", scope.id()).param("requestId", requestId).param("maxPosition", scope.maxPosition())
                .query(Long.class).optional().orElse(null);
        Instant changed = request.history().get(request.history().size() - 1).at();
        AsOf asOf = new AsOf(last == null ? submitted : Math.max(last, submitted), changed);
        String programme = scope.project().programme();
        ProgrammeRow row = ProgrammeRow.find(jdbc, programme);
        Map<String, String> names = new HashMap<>();
        if (row != null) {
            row.fundingSources().forEach(s -> names.put(s.code(), s.name()));
        }
        return new Content(scope, request, expenditures, names,
                row == null ? programme : programme + " \u2013 " + row.name(), asOf);
    }

    // ------------------------------------------------------------------ words

    static final Words TITLE = new Words("Maksetaotlus", "Reimbursement request");
    private static final Words EXPENDITURE = new Words("Kulu", "Expenditure");
    private static final Words LINE = new Words("Eelarverida", "Budget line");
    private static final Words SOURCE = new Words("Rahastusallikas", "Funding source");
    private static final Words RATE = new Words("Vahetuskurss", "Exchange rate");
    private static final Words CLAIM = new Words("Nõue", "Claim");
    private static final Words EXCLUDED = new Words("Heakskiitmisel välja jäetud", "Excluded at approval");
    private static final Words APPROVED = new Words("Heaks kiidetud", "Approved");
    private static final Words PAYMENT = new Words("Makse", "Payment");
    private static final Words ELIGIBLE_TOTAL = new Words("Abikõlblik kokku", "Eligible total");
    private static final Words CLAIMED = new Words("Taotletav kokku", "Claimed");
    private static final Words CLAIMABLE = new Words("taotletav", "claimed");
    private static final Words NOT_CLAIMABLE = new Words("ei taotleta", "not claimed");
    private static final Map<String, Words> STATUS = Map.of(
            "SUBMITTED", new Words("Esitatud", "Submitted"),
            "APPROVED", new Words("Heaks kiidetud", "Approved"),
            "RETURNED", new Words("Tagastatud", "Returned"),
            "PAID", new Words("Makstud", "Paid"));

    private static String status(String code, Language language) {
        Words w = STATUS.get(code);
        return w == null ? code : w.in(language);
    }

    // ------------------------------------------------------------------ CSV and XLSX: one table

    static Table table(Content c) {
        String p = c.currency();
        String q = c.claimCurrency();
        return new Table(TITLE, List.of(
                Column.text("Osa", "Part"),
                Column.text("Kirje", "Item"),
                Column.date("Kuupäev", "Date"),
                Column.text("Eelarverida", "Budget line"),
                Column.text("Kulukategooria", "Cost category"),
                Column.longText("Selgitus", "Details"),
                Column.money("Summa, " + p, "Amount, " + p),
                Column.percent("Osakaal, %", "Share, %"),
                Column.number("Kurss, " + q + "/" + p, "Rate, " + q + "/" + p),
                Column.money("Summa, " + q, "Amount, " + q)),
                "reimbursement-request_" + c.scope().id() + "_" + c.request().id());
    }

    static TableWriter.Rows rows(Content c) {
        return writer -> {
            Language l = writer.language();
            ReimbursementViews.RequestView r = c.request();
            for (Expenditure e : c.expenditures()) {
                writer.item(EXPENDITURE.in(l), e.id(), e.paidOn(), e.budgetLine(), e.costCategory(), details(e, l),
                        e.amount(), null, null, null);
            }
            figures(writer, c, "", r.lines(), r.eligibleTotal(), r.sources(), r.claimed(), r.claimedInClaimCurrency());
            if (r.approved() != null) {
                Map<String, Expenditure> byId = new HashMap<>();
                c.expenditures().forEach(e -> byId.put(e.id(), e));
                for (ReimbursementViews.ExclusionView x : r.approved().excluded()) {
                    Expenditure e = byId.get(x.expenditure());
                    writer.item(EXCLUDED.in(l), x.expenditure(), e == null ? null : e.paidOn(),
                            e == null ? null : e.budgetLine(), e == null ? null : e.costCategory(), x.reason(),
                            e == null ? null : e.amount(), null, null, null);
                }
                ReimbursementViews.ApprovedView a = r.approved();
                figures(writer, c, APPROVED.in(l) + ": ", a.lines(), a.eligibleTotal(), a.sources(), a.claimed(),
                        a.claimedInClaimCurrency());
            }
            if (r.payment() != null) {
                writer.item(PAYMENT.in(l), status("PAID", l), r.payment().paidOn(), null, null, null, null, null, null,
                        Cells.decimal(r.payment().amount()));
            }
        };
    }

    private static void figures(TableWriter writer, Content c, String prefix, List<ReimbursementViews.LineView> lines,
                                String eligibleTotal, List<ReimbursementViews.SourceView> sources, String claimed,
                                String claimedInClaimCurrency) throws IOException {
        Language l = writer.language();
        for (ReimbursementViews.LineView line : lines) {
            writer.item(prefix + LINE.in(l), line.budgetLine(), null, line.budgetLine(), line.costCategory(), null,
                    Cells.decimal(line.eligible()), null, null, null);
        }
        writer.subtotal(prefix + LINE.in(l), ELIGIBLE_TOTAL.in(l), null, null, null, null,
                Cells.decimal(eligibleTotal), null, null, null);
        for (ReimbursementViews.SourceView s : sources) {
            writer.item(prefix + SOURCE.in(l), s.source(), null, null, null, sourceDetails(c, s, l),
                    Cells.decimal(s.amount()), Cells.decimal(s.share()), null, null);
        }
        writer.subtotal(prefix + SOURCE.in(l), CLAIMED.in(l), null, null, null, null, Cells.decimal(claimed), null,
                null, null);
        ReimbursementViews.ExchangeRateView rate = c.request().exchangeRate();
        writer.total(prefix + CLAIM.in(l), CLAIM.in(l) + ", " + c.claimCurrency(), rate.date(), null, null,
                RATE.in(l) + ": " + rate.source(), Cells.decimal(claimed), null, Cells.decimal(rate.rate()),
                Cells.decimal(claimedInClaimCurrency));
    }

    private static String details(Expenditure e, Language l) {
        List<String> parts = new ArrayList<>();
        if (e.supplier() != null) {
            parts.add(e.supplier());
        }
        if (e.invoice() != null) {
            parts.add(new Words("arve ", "invoice ").in(l) + e.invoice());
        }
        if (e.description() != null) {
            parts.add(e.description());
        }
        if (e.corrects() != null) {
            parts.add(new Words("korrigeerib kulu ", "adjusts expenditure ").in(l) + e.corrects());
        }
        return String.join(" \u00b7 ", parts);
    }

    private static String sourceDetails(Content c, ReimbursementViews.SourceView s, Language l) {
        String name = c.sourceNames().get(s.source());
        return (name == null ? "" : name + " \u00b7 ") + (s.claimable() ? CLAIMABLE : NOT_CLAIMABLE).in(l);
    }

    // ------------------------------------------------------------------ PDF: the parts as tables

    static byte[] pdf(Content c, Language l) {
        Formats f = Formats.of(l);
        ReimbursementViews.RequestView r = c.request();
        String p = c.currency();
        String q = c.claimCurrency();
        ReimbursementViews.ExchangeRateView rate = r.exchangeRate();
        List<Letterhead.Field> fields = new ArrayList<>();
        fields.add(Letterhead.field(new Words("Programm", "Programme"), c.programme(), l));
        fields.add(Letterhead.field(new Words("Taotlus", "Request"), r.id(), l));
        fields.add(Letterhead.field(new Words("Kulude periood (makstud)", "Expenditures paid"),
                f.range(r.from(), r.to()), l));
        fields.add(Letterhead.field(new Words("Seis", "Status"), status(r.status(), l), l));
        fields.add(Letterhead.field(RATE, f.number(rate.rate()) + " " + q + "/" + p + " \u00b7 " + f.date(rate.date())
                + " \u00b7 " + rate.source(), l));
        fields.add(Letterhead.field(new Words("Taotletav summa", "Claimed"), f.money(r.claimed()) + " " + p + " \u00d7 "
                + f.number(rate.rate()) + " = " + f.money(r.claimedInClaimCurrency()) + " " + q, l));
        if (r.approved() != null) {
            fields.add(Letterhead.field(new Words("Heaks kiidetud summa", "Approved"), f.money(r.approved().claimed())
                    + " " + p + " \u00d7 " + f.number(rate.rate()) + " = "
                    + f.money(r.approved().claimedInClaimCurrency()) + " " + q, l));
        }
        if (r.payment() != null) {
            fields.add(Letterhead.field(PAYMENT, f.money(r.payment().amount()) + " " + q + " \u00b7 "
                    + f.date(r.payment().paidOn()), l));
        }
        Table table = table(c);
        Letterhead head = Letterhead.ofProject(new Table(new Words(TITLE.et() + " " + r.id(), TITLE.en() + " " + r.id()),
                table.columns(), table.fileName()), c.scope().project(), l, fields, c.asOf(), null, List.of());

        List<PdfSections.Section> sections = new ArrayList<>();
        try {
            sections.add(new PdfSections.Section(new Words("Kaasatud kulud", "Included expenditures").in(l),
                    expenditures(c, l)));
            sections.addAll(figureSections(c, l, "", r.lines(), r.eligibleTotal(), r.sources(), r.claimed(),
                    r.claimedInClaimCurrency()));
            if (r.approved() != null) {
                ReimbursementViews.ApprovedView a = r.approved();
                sections.add(new PdfSections.Section(EXCLUDED.in(l), exclusions(c, l)));
                sections.addAll(figureSections(c, l, APPROVED.in(l) + ": ", a.lines(), a.eligibleTotal(),
                        a.sources(), a.claimed(), a.claimedInClaimCurrency()));
            }
            sections.add(new PdfSections.Section(new Words("Ajalugu", "History").in(l), history(c, l)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfSections.write(out, l, head, sections);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PdfTable expenditures(Content c, Language l) throws IOException {
        String p = c.currency();
        PdfTable t = PdfTable.gather(new Table(EXPENDITURE, List.of(
                Column.text("Kulu", "Expenditure"),
                Column.date("Makstud", "Paid on"),
                Column.date("Tekkinud", "Incurred on"),
                Column.text("Eelarverida", "Budget line"),
                Column.text("Kulukategooria", "Cost category"),
                Column.longText("Tarnija, arve, kirjeldus", "Supplier, invoice, description"),
                Column.money("Summa, " + p, "Amount, " + p)), "expenditures"), l);
        BigDecimal sum = BigDecimal.ZERO;
        for (Expenditure e : c.expenditures()) {
            t.item(e.id(), e.paidOn(), e.incurredOn(), e.budgetLine(), e.costCategory(), details(e, l), e.amount());
            sum = sum.add(e.amount());
        }
        t.total(new Words("Kulud kokku", "Expenditures, total").in(l), null, null, null, null, null, sum);
        return t;
    }

    private static PdfTable exclusions(Content c, Language l) throws IOException {
        String p = c.currency();
        PdfTable t = PdfTable.gather(new Table(EXCLUDED, List.of(
                Column.text("Kulu", "Expenditure"),
                Column.text("Eelarverida", "Budget line"),
                Column.longText("Põhjus", "Reason"),
                Column.money("Summa, " + p, "Amount, " + p)), "excluded"), l);
        Map<String, Expenditure> byId = new HashMap<>();
        c.expenditures().forEach(e -> byId.put(e.id(), e));
        for (ReimbursementViews.ExclusionView x : c.request().approved().excluded()) {
            Expenditure e = byId.get(x.expenditure());
            t.item(x.expenditure(), e == null ? null : e.budgetLine(), x.reason(), e == null ? null : e.amount());
        }
        return t;
    }

    private static List<PdfSections.Section> figureSections(Content c, Language l, String prefix,
                                                            List<ReimbursementViews.LineView> lines,
                                                            String eligibleTotal,
                                                            List<ReimbursementViews.SourceView> sources,
                                                            String claimed, String claimedInClaimCurrency)
            throws IOException {
        String p = c.currency();
        String q = c.claimCurrency();
        PdfTable perLine = PdfTable.gather(new Table(LINE, List.of(
                Column.text("Eelarverida", "Budget line"),
                Column.text("Kulukategooria", "Cost category"),
                Column.money("Abikõlblik, " + p, "Eligible, " + p)), "lines"), l);
        for (ReimbursementViews.LineView line : lines) {
            perLine.item(line.budgetLine(), line.costCategory(), Cells.decimal(line.eligible()));
        }
        perLine.total(ELIGIBLE_TOTAL.in(l), null, Cells.decimal(eligibleTotal));
        PdfTable perSource = PdfTable.gather(new Table(SOURCE, List.of(
                Column.text("Rahastusallikas", "Funding source"),
                Column.text("Nimi", "Name"),
                Column.percent("Osakaal, %", "Share, %"),
                Column.text("Taotletakse", "Claimed"),
                Column.money("Summa, " + p, "Amount, " + p)), "sources"), l);
        for (ReimbursementViews.SourceView s : sources) {
            perSource.item(s.source(), c.sourceNames().get(s.source()), Cells.decimal(s.share()),
                    (s.claimable() ? new Words("jah", "yes") : new Words("ei", "no")).in(l), Cells.decimal(s.amount()));
        }
        perSource.total(CLAIMED.in(l), null, null, null, Cells.decimal(claimed));
        ReimbursementViews.ExchangeRateView rate = c.request().exchangeRate();
        PdfTable claim = PdfTable.gather(new Table(CLAIM, List.of(
                Column.money("Taotletav, " + p, "Claimed, " + p),
                Column.number("Kurss, " + q + "/" + p, "Rate, " + q + "/" + p),
                Column.date("Kursi kuupäev", "Rate date"),
                Column.text("Kursi allikas", "Rate source"),
                Column.money("Nõue, " + q, "Claim, " + q)), "claim"), l);
        claim.total(Cells.decimal(claimed), Cells.decimal(rate.rate()), rate.date(), rate.source(),
                Cells.decimal(claimedInClaimCurrency));
        return List.of(
                new PdfSections.Section(prefix + new Words("Abikõlblikud summad eelarveridade kaupa",
                        "Eligible amounts per budget line").in(l), perLine),
                new PdfSections.Section(prefix + new Words("Rahastusallikad", "Funding sources").in(l), perSource),
                new PdfSections.Section(prefix + new Words("Nõue " + q, "Claim in " + q).in(l), claim));
    }

    private static PdfTable history(Content c, Language l) throws IOException {
        PdfTable t = PdfTable.gather(new Table(new Words("Ajalugu", "History"), List.of(
                Column.text("Seis", "Status"),
                Column.timestamp("Aeg (UTC)", "At (UTC)"),
                Column.text("Kasutaja", "User"),
                Column.longText("Märkus", "Comment")), "history"), l);
        for (ReimbursementViews.HistoryEntry h : c.request().history()) {
            t.item(status(h.status(), l), h.at(), h.actor(), h.comment());
        }
        return t;
    }
}
