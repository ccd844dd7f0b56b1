package io.seire.command.setup;

import jakarta.validation.Valid;
import io.seire.kernel.DecimalText;
import io.seire.platform.web.rules.RulesInCode;
import io.seire.platform.web.rules.Decimal;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import io.seire.command.write.Sends;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.command.write.Written;
import io.seire.kernel.access.Actor;
import io.seire.kernel.setup.AddBudgetLine;
import io.seire.kernel.setup.AddSubActivity;
import io.seire.kernel.setup.Aggregation;
import io.seire.kernel.setup.DefineIndicator;
import io.seire.kernel.setup.FlatRate;
import io.seire.kernel.setup.IndicatorKind;
import io.seire.kernel.setup.Measure;
import io.seire.kernel.setup.Milestone;
import io.seire.kernel.setup.Partner;
import io.seire.kernel.setup.RegisterProject;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.ReviseBudgetLine;
import io.seire.platform.web.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Setting up a project: registration, sub-activities, budget lines, revisions and indicators. */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Project setup")
public class SetupController {

    public record RegisterProjectRequest(@NotBlank String id, @NotBlank String name, @NotBlank String programme,
                                         @NotBlank String beneficiary, @NotBlank String currency,
                                         @NotNull LocalDate eligibleFrom, @NotNull LocalDate eligibleTo,
                                         @Decimal(min = "0", max = "100") String flexibilityPercent,
                                         @NotNull List<@NotNull(message = "must not be null") @Valid ReportingPeriodRequest> reportingPeriods,
                                         String component, String contractNumber,
                                         List<@NotNull(message = "must not be null") @Valid PartnerRequest> partners) {
    }

    public record ReportingPeriodRequest(@NotBlank String id, @NotNull LocalDate from, @NotNull LocalDate to) {
    }

    public record PartnerRequest(@NotBlank String name, String country, String role) {
    }

    public record SubActivityRequest(@NotBlank String code, @NotBlank String name) {
    }

    public record FlatRateRequest(@NotBlank @Decimal String percent, @NotBlank String ofCostCategory) {
    }

    public record BudgetLineRequest(@NotBlank String code, @NotBlank String subActivity, @NotBlank String costCategory,
                                    @Decimal String planned, @Valid FlatRateRequest flatRate) implements RulesInCode {

        @Override
        public void check(Refusals refusals) {
            if ((planned == null) == (flatRate == null)) {
                refusals.refuse(planned == null ? "planned" : "flatRate",
                        "give either a planned amount or a flat rate, not both and not neither");
            }
        }
    }

    public record RevisionRequest(@NotBlank @Decimal String planned, @NotNull LocalDate effectiveFrom,
                                  @NotBlank String reason, String reference) {
    }

    public record MilestoneRequest(@NotNull LocalDate date, @Decimal String value) {
    }

    public record IndicatorRequest(@NotBlank String code, @NotBlank String name, String unit,
                                   @NotNull IndicatorKind kind, @NotNull Measure measure,
                                   @NotNull Aggregation aggregation, Boolean ascending, @Decimal String baseline,
                                   List<@NotNull(message = "must not be null") @Valid MilestoneRequest> milestones, @Decimal String target,
                                   String programmeIndicator) implements RulesInCode {

        /** A text indicator needs no unit, direction or numbers; a number or percentage one does. */
        @Override
        public void check(Refusals refusals) {
            if (measure == Measure.TEXT) {
                return;
            }
            refusals.required("unit", unit);
            refusals.required("ascending", ascending);
            refusals.required("baseline", baseline);
            refusals.required("target", target);
            for (int i = 0; milestones != null && i < milestones.size(); i++) {
                if (milestones.get(i) != null) {
                    refusals.required("milestones[" + i + "].value", milestones.get(i).value());
                }
            }
        }
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public SetupController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(RegisterProject.class)
    @Operation(summary = "Register a project under its official code (administrators)")
    public ResponseEntity<Written> register(@Valid @RequestBody RegisterProjectRequest body, Actor actor,
                                           HttpServletRequest request) {
        BigDecimal flexibility = DecimalText.parse(body.flexibilityPercent());
        List<ReportingPeriod> periods = body.reportingPeriods().stream()
                .map(p -> new ReportingPeriod(p.id(), p.from(), p.to())).toList();
        List<Partner> partners = (body.partners() == null ? List.<PartnerRequest>of() : body.partners()).stream()
                .map(p -> new Partner(p.name(), Fields.optional(p.country()), Fields.optional(p.role()))).toList();
        RegisterProject command = new RegisterProject(body.id(), body.name(), body.programme(), body.beneficiary(),
                body.currency(), body.eligibleFrom(), body.eligibleTo(),
                flexibility == null ? BigDecimal.ZERO : flexibility, periods, Fields.optional(body.component()),
                Fields.optional(body.contractNumber()), partners);
        return writes.record(Write.ofJson(actor, body.id(), request, json, body, 201), command);
    }

    @PostMapping("/{projectId}/sub-activities")
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(AddSubActivity.class)
    @Operation(summary = "Add a sub-activity (administrators)")
    public ResponseEntity<Written> addSubActivity(@PathVariable String projectId, @Valid @RequestBody SubActivityRequest body,
                                                 Actor actor, HttpServletRequest request) {
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201),
                new AddSubActivity(projectId, body.code(), body.name()));
    }

    @PostMapping("/{projectId}/budget-lines")
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(AddBudgetLine.class)
    @Operation(summary = "Add a budget line with a planned amount or a flat rate (administrators)")
    public ResponseEntity<Written> addBudgetLine(@PathVariable String projectId, @Valid @RequestBody BudgetLineRequest body,
                                                Actor actor, HttpServletRequest request) {
        BigDecimal planned = DecimalText.parse(body.planned());
        FlatRate flatRate = body.flatRate() == null ? null
                : new FlatRate(DecimalText.parse(body.flatRate().percent()), body.flatRate().ofCostCategory());
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201), new AddBudgetLine(projectId, body.code(),
                body.subActivity(), body.costCategory(), planned, flatRate));
    }

    @PostMapping("/{projectId}/budget-lines/{code}/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(ReviseBudgetLine.class)
    @Operation(summary = "Revise a budget line's planned amount from a date; the original is kept (administrators)")
    public ResponseEntity<Written> revise(@PathVariable String projectId, @PathVariable String code,
                                         @Valid @RequestBody RevisionRequest body, Actor actor, HttpServletRequest request) {
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201), new ReviseBudgetLine(projectId,
                code, DecimalText.parse(body.planned()), body.effectiveFrom(), body.reason(),
                Fields.optional(body.reference())));
    }

    @PostMapping("/{projectId}/indicators")
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(DefineIndicator.class)
    @Operation(summary = "Define a results-framework indicator (administrators)")
    public ResponseEntity<Written> defineIndicator(@PathVariable String projectId, @Valid @RequestBody IndicatorRequest body,
                                                  Actor actor, HttpServletRequest request) {
        List<Milestone> milestones = (body.milestones() == null ? List.<MilestoneRequest>of() : body.milestones())
                .stream().map(m -> new Milestone(m.date(), DecimalText.parse(m.value()))).toList();
        boolean ascending = body.ascending() == null || body.ascending();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201), new DefineIndicator(projectId, body.code(),
                body.name(), body.unit(), body.kind(), body.measure(), body.aggregation(), ascending,
                DecimalText.parse(body.baseline()), milestones, DecimalText.parse(body.target()),
                Fields.optional(body.programmeIndicator())));
    }

}
