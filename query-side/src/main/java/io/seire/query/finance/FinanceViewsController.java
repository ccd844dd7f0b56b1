package io.seire.query.finance;

import io.seire.kernel.access.Actor;
import io.seire.platform.web.InvalidRequest;
import io.seire.query.read.Paging;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.ReadGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects/{projectId}")
@Tag(name = "Finance")
public class FinanceViewsController {

    private final ReadGate gate;
    private final ExpenditureList expenditures;
    private final BudgetExecution budgetExecution;

    public FinanceViewsController(ReadGate gate, ExpenditureList expenditures, BudgetExecution budgetExecution) {
        this.gate = gate;
        this.expenditures = expenditures;
        this.budgetExecution = budgetExecution;
    }

    @GetMapping("/expenditures")
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
        return expenditures.list(scope, new ExpenditureList.Filter(start, end, budgetLine), paging);
    }

    @GetMapping("/budget-execution")
    @Operation(summary = "Annex 5: budget execution per line, sub-activity and cost category, in a period and cumulatively")
    public BudgetExecution.View budgetExecution(
            Actor actor, @PathVariable String projectId, @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) String asOf) {
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        return budgetExecution.view(scope, budgetExecution.range(scope, period, to));
    }
}
