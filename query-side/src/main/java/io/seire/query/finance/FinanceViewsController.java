package io.seire.query.finance;

import io.seire.kernel.access.Actor;
import io.seire.platform.web.InvalidRequest;
import io.seire.query.export.AsOf;
import io.seire.query.export.Format;
import io.seire.query.export.Rendering;
import io.seire.query.export.Tables;
import io.seire.query.read.Paging;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.ReadGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/projects/{projectId}")
@Tag(name = "Finance")
public class FinanceViewsController {

    private final ReadGate gate;
    private final ExpenditureList expenditures;
    private final BudgetExecution budgetExecution;
    private final Tables tables;
    private final JdbcClient jdbc;

    public FinanceViewsController(ReadGate gate, ExpenditureList expenditures, BudgetExecution budgetExecution,
                                  Tables tables, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.expenditures = expenditures;
        this.budgetExecution = budgetExecution;
        this.tables = tables;
    }

    @GetMapping(path = "/expenditures", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Expenditures by incurred date, each with its status and history of corrections")
    public Paging.Page<ExpenditureList.Item> expenditures(
            Actor actor, @PathVariable String projectId,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String budgetLine,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) String asOf) {
        Paging paging = Paging.of(page, size);
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        return expenditures.list(scope, filter(scope, period, from, to, budgetLine), paging);
    }

    @GetMapping(path = "/expenditures", produces = {Format.CSV_TYPE, Format.XLSX_TYPE})
    @Operation(summary = "Every matching expenditure (all pages) as CSV or XLSX, streamed in constant memory, with "
            + "the original currency, amount and rate beside the amount; 503 with Retry-After while every export slot "
            + "is in use")
    public ResponseEntity<StreamingResponseBody> expendituresTable(
            Actor actor, @PathVariable String projectId,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String budgetLine,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) String asOf,
            Rendering how) {
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        ExpenditureList.Filter filter = filter(scope, period, from, to, budgetLine);
        return tables.stream(how, ExpenditureTable.of(projectId, scope.project().currency()),
                "the expenditures of " + projectId + " for " + actor.username(),
                (connection, writer) -> expenditures.stream(connection, scope, filter,
                        item -> ExpenditureTable.write(item, writer)));
    }

    @GetMapping(path = "/budget-execution", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Annex 5: budget execution per line, sub-activity and cost category, in a period and cumulatively")
    public BudgetExecution.View budgetExecution(
            Actor actor, @PathVariable String projectId, @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) String asOf) {
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        return budgetExecution.view(scope, budgetExecution.range(scope, period, to));
    }

    @GetMapping(path = "/budget-execution", produces = {Format.CSV_TYPE, Format.XLSX_TYPE, Format.PDF_TYPE})
    @Operation(summary = "Annex 5 as CSV, XLSX or PDF: the lines of each sub-activity with its subtotal, the cost "
            + "category subtotals and the total; the PDF names the project, the period and the as-of position and "
            + "charts each line's budget beside its spending")
    public ResponseEntity<byte[]> budgetExecutionTable(
            Actor actor, @PathVariable String projectId, @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) String asOf,
            Rendering how) {
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        BudgetExecution.View view = budgetExecution.view(scope, budgetExecution.range(scope, period, to));
        return tables.answer(how, BudgetExecutionTable.of(view), BudgetExecutionTable.rows(view),
                language -> BudgetExecutionTable.letterhead(view, scope, AsOf.of(jdbc, scope), asOf, language));
    }

    private ExpenditureList.Filter filter(ProjectScope scope, String period, LocalDate from, LocalDate to,
                                          String budgetLine) {
        LocalDate start = from;
        LocalDate end = to;
        if (period != null && !period.isBlank()) {
            if (from != null || to != null) {
                throw InvalidRequest.of("period", "Give either period or from/to, not both.");
            }
            BudgetExecution.Range range = budgetExecution.range(scope, period, null);
            start = range.from();
            end = range.to();
        }
        return new ExpenditureList.Filter(start, end, budgetLine);
    }
}
