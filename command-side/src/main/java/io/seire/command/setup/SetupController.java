package io.seire.command.setup;

import io.seire.command.write.Sends;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
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
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
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

    public record RegisterProjectRequest(String id, String name, String programme, String beneficiary, String currency,
                                         LocalDate eligibleFrom, LocalDate eligibleTo, String flexibilityPercent,
                                         List<ReportingPeriod> reportingPeriods, String component,
                                         String contractNumber, List<PartnerRequest> partners) {
    }

    public record PartnerRequest(String name, String country, String role) {
    }

    public record SubActivityRequest(String code, String name) {
    }

    public record FlatRateRequest(String percent, String ofCostCategory) {
    }

    public record BudgetLineRequest(String code, String subActivity, String costCategory, String planned,
                                    FlatRateRequest flatRate) {
    }

    public record RevisionRequest(String planned, LocalDate effectiveFrom, String reason, String reference) {
    }

    public record MilestoneRequest(LocalDate date, String value) {
    }

    public record IndicatorRequest(String code, String name, String unit, IndicatorKind kind, Measure measure,
                                   Aggregation aggregation, Boolean ascending, String baseline,
                                   List<MilestoneRequest> milestones, String target, String programmeIndicator) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public SetupController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping
    @Sends(RegisterProject.class)
    @Operation(summary = "Register a project under its official code (administrators)")
    public ResponseEntity<String> register(@RequestBody RegisterProjectRequest body, Actor actor,
                                           HttpServletRequest request) {
        Fields f = new Fields();
        f.required("id", body.id());
        f.required("name", body.name());
        f.required("programme", body.programme());
        f.required("beneficiary", body.beneficiary());
        f.required("currency", body.currency());
        f.required("eligibleFrom", body.eligibleFrom());
        f.required("eligibleTo", body.eligibleTo());
        f.required("reportingPeriods", body.reportingPeriods());
        BigDecimal flexibility = f.percent("flexibilityPercent", body.flexibilityPercent(), BigDecimal.ZERO);
        List<ReportingPeriod> periods = body.reportingPeriods() == null ? List.of() : body.reportingPeriods();
        for (int i = 0; i < periods.size(); i++) {
            ReportingPeriod p = periods.get(i);
            if (p == null) {
                f.add("reportingPeriods[" + i + "]", "must not be null");
                continue;
            }
            f.required("reportingPeriods[" + i + "].id", p.id());
            f.required("reportingPeriods[" + i + "].from", p.from());
            f.required("reportingPeriods[" + i + "].to", p.to());
        }
        List<Partner> partners = new ArrayList<>();
        List<PartnerRequest> givenPartners = body.partners() == null ? List.of() : body.partners();
        for (int i = 0; i < givenPartners.size(); i++) {
            PartnerRequest p = givenPartners.get(i);
            if (p == null) {
                f.add("partners[" + i + "]", "must not be null");
                continue;
            }
            f.required("partners[" + i + "].name", p.name());
            partners.add(new Partner(p.name(), f.optional(p.country()), f.optional(p.role())));
        }
        f.throwIfInvalid();
        RegisterProject command = new RegisterProject(body.id(), body.name(), body.programme(), body.beneficiary(),
                body.currency(), body.eligibleFrom(), body.eligibleTo(),
                flexibility == null ? BigDecimal.ZERO : flexibility, periods, f.optional(body.component()),
                f.optional(body.contractNumber()), partners);
        return writes.record(Write.ofJson(actor, body.id(), request, json, body, 201), command);
    }

    @PostMapping("/{projectId}/sub-activities")
    @Sends(AddSubActivity.class)
    @Operation(summary = "Add a sub-activity (administrators)")
    public ResponseEntity<String> addSubActivity(@PathVariable String projectId, @RequestBody SubActivityRequest body,
                                                 Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        f.required("code", body.code());
        f.required("name", body.name());
        f.throwIfInvalid();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201),
                new AddSubActivity(projectId, body.code(), body.name()));
    }

    @PostMapping("/{projectId}/budget-lines")
    @Sends(AddBudgetLine.class)
    @Operation(summary = "Add a budget line with a planned amount or a flat rate (administrators)")
    public ResponseEntity<String> addBudgetLine(@PathVariable String projectId, @RequestBody BudgetLineRequest body,
                                                Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        f.required("code", body.code());
        f.required("subActivity", body.subActivity());
        f.required("costCategory", body.costCategory());
        if ((body.planned() == null) == (body.flatRate() == null)) {
            f.add(body.planned() == null ? "planned" : "flatRate",
                    "give either a planned amount or a flat rate, not both and not neither");
        }
        BigDecimal planned = f.decimal("planned", body.planned());
        FlatRate flatRate = null;
        if (body.flatRate() != null) {
            BigDecimal percent = f.requiredDecimal("flatRate.percent", body.flatRate().percent());
            f.required("flatRate.ofCostCategory", body.flatRate().ofCostCategory());
            flatRate = new FlatRate(percent, body.flatRate().ofCostCategory());
        }
        f.throwIfInvalid();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201), new AddBudgetLine(projectId, body.code(),
                body.subActivity(), body.costCategory(), planned, flatRate));
    }

    @PostMapping("/{projectId}/budget-lines/{code}/revisions")
    @Sends(ReviseBudgetLine.class)
    @Operation(summary = "Revise a budget line's planned amount from a date; the original is kept (administrators)")
    public ResponseEntity<String> revise(@PathVariable String projectId, @PathVariable String code,
                                         @RequestBody RevisionRequest body, Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        BigDecimal planned = f.requiredDecimal("planned", body.planned());
        f.required("effectiveFrom", body.effectiveFrom());
        f.required("reason", body.reason());
        f.throwIfInvalid();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201), new ReviseBudgetLine(projectId, code, planned,
                body.effectiveFrom(), body.reason(), f.optional(body.reference())));
    }

    @PostMapping("/{projectId}/indicators")
    @Sends(DefineIndicator.class)
    @Operation(summary = "Define a results-framework indicator (administrators)")
    public ResponseEntity<String> defineIndicator(@PathVariable String projectId, @RequestBody IndicatorRequest body,
                                                  Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        f.required("code", body.code());
        f.required("name", body.name());
        f.required("kind", body.kind());
        f.required("measure", body.measure());
        f.required("aggregation", body.aggregation());
        boolean text = body.measure() == Measure.TEXT;
        if (!text) {
            // a text indicator needs no unit
            f.required("unit", body.unit());
            f.required("ascending", body.ascending());
            f.required("baseline", body.baseline());
            f.required("target", body.target());
        }
        BigDecimal baseline = f.decimal("baseline", body.baseline());
        BigDecimal target = f.decimal("target", body.target());
        List<Milestone> milestones = new ArrayList<>();
        List<MilestoneRequest> given = body.milestones() == null ? List.of() : body.milestones();
        for (int i = 0; i < given.size(); i++) {
            MilestoneRequest m = given.get(i);
            if (m == null) {
                f.add("milestones[" + i + "]", "must not be null");
                continue;
            }
            f.required("milestones[" + i + "].date", m.date());
            BigDecimal value = text ? f.decimal("milestones[" + i + "].value", m.value())
                    : f.requiredDecimal("milestones[" + i + "].value", m.value());
            milestones.add(new Milestone(m.date(), value));
        }
        f.throwIfInvalid();
        boolean ascending = body.ascending() == null || body.ascending();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201), new DefineIndicator(projectId, body.code(),
                body.name(), body.unit(), body.kind(), body.measure(), body.aggregation(), ascending, baseline,
                milestones, target, f.optional(body.programmeIndicator())));
    }

}
