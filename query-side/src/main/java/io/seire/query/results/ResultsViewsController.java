package io.seire.query.results;

import io.seire.kernel.access.Actor;
import io.seire.platform.web.InvalidRequest;
import io.seire.query.export.AsOf;
import io.seire.query.export.Format;
import io.seire.query.export.Rendering;
import io.seire.query.export.Tables;
import io.seire.query.progress.ProgressTable;
import io.seire.query.progress.ProgressView;
import io.seire.query.read.Periods;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.ReadGate;
import io.seire.query.staffing.StaffingTable;
import io.seire.query.staffing.StaffingView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects/{projectId}")
@Tag(name = "Results, progress, staffing")
public class ResultsViewsController {

    private final ReadGate gate;
    private final JdbcClient jdbc;
    private final ResultsFramework resultsFramework;
    private final ProgressView progress;
    private final StaffingView staffing;
    private final Tables tables;

    public ResultsViewsController(ReadGate gate, JdbcClient jdbc, ResultsFramework resultsFramework,
                                  ProgressView progress, StaffingView staffing, Tables tables) {
        this.gate = gate;
        this.jdbc = jdbc;
        this.resultsFramework = resultsFramework;
        this.progress = progress;
        this.staffing = staffing;
        this.tables = tables;
    }

    @GetMapping(path = "/results-framework", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Annex 2: per indicator the value in the period, cumulative value, % of target and status")
    public List<ResultsFramework.Row> resultsFramework(Actor actor, @PathVariable String projectId,
                                                       @RequestParam(required = false) String period,
                                                       @RequestParam(required = false) Long minPosition,
                                                       @RequestParam(required = false) String asOf) {
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        return resultsFramework.view(scope, Periods.required(jdbc, projectId, period));
    }

    @GetMapping(path = "/results-framework", produces = {Format.CSV_TYPE, Format.XLSX_TYPE, Format.PDF_TYPE})
    @Operation(summary = "Annex 2 as CSV, XLSX or PDF (the PDF names the project, the period and the as-of position "
            + "and charts each numeric indicator's progress towards its target)")
    public ResponseEntity<byte[]> resultsFrameworkTable(Actor actor, @PathVariable String projectId,
                                                        @RequestParam(required = false) String period,
                                                        @RequestParam(required = false) Long minPosition,
                                                        @RequestParam(required = false) String asOf,
                                                        Rendering how) {
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        Periods.Period reported = Periods.required(jdbc, projectId, period);
        List<ResultsFramework.Row> view = resultsFramework.view(scope, reported);
        return tables.answer(how, ResultsFrameworkTable.of(projectId, period), ResultsFrameworkTable.rows(view),
                language -> ResultsFrameworkTable.letterhead(view, scope, reported, AsOf.of(jdbc, scope), asOf,
                        language));
    }

    @GetMapping(path = "/activity-progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Per sub-activity the latest progress report for the period, with earlier versions")
    public ProgressView.View activityProgress(Actor actor, @PathVariable String projectId,
                                              @RequestParam(required = false) String period,
                                              @RequestParam(required = false) Long minPosition,
                                              @RequestParam(required = false) String asOf) {
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        return progress.view(scope, Periods.required(jdbc, projectId, period));
    }

    @GetMapping(path = "/activity-progress", produces = {Format.CSV_TYPE, Format.XLSX_TYPE})
    @Operation(summary = "Activity progress as CSV or XLSX: per sub-activity the latest report for the period")
    public ResponseEntity<byte[]> activityProgressTable(Actor actor, @PathVariable String projectId,
                                                        @RequestParam(required = false) String period,
                                                        @RequestParam(required = false) Long minPosition,
                                                        @RequestParam(required = false) String asOf,
                                                        Rendering how) {
        ProgressView.View view = activityProgress(actor, projectId, period, minPosition, asOf);
        return tables.answer(how, ProgressTable.of(projectId, view.period()), ProgressTable.rows(view));
    }

    @GetMapping(path = "/staffing", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "on=<date>: positions with holder or vacancy and FTE; period=: the changes within it, in order")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
            description = "on=: the positions on that day (OnDay); period=: the changes in the period (InPeriod)",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(oneOf = {StaffingView.OnDay.class,
                            StaffingView.InPeriod.class})))
    public Object staffing(Actor actor, @PathVariable String projectId,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                           @RequestParam(required = false) String period,
                           @RequestParam(required = false) Long minPosition,
                           @RequestParam(required = false) String asOf) {
        ProjectScope scope = gate.open(actor, projectId, minPosition, asOf);
        if ((on == null) == (period == null || period.isBlank())) {
            throw InvalidRequest.of(on == null ? "on" : "period", "Give either on=<date> or period=<reporting period id>.");
        }
        return on != null ? staffing.on(scope, on) : staffing.changes(scope, Periods.required(jdbc, projectId, period));
    }

    @GetMapping(path = "/staffing", produces = {Format.CSV_TYPE, Format.XLSX_TYPE})
    @Operation(summary = "Staffing as CSV or XLSX: on=<date> the positions with holders and the total FTE; period= "
            + "the changes within it")
    public ResponseEntity<byte[]> staffingTable(Actor actor, @PathVariable String projectId,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                                @RequestParam(required = false) String period,
                                                @RequestParam(required = false) Long minPosition,
                                                @RequestParam(required = false) String asOf,
                                                Rendering how) {
        Object view = staffing(actor, projectId, on, period, minPosition, asOf);
        if (view instanceof StaffingView.OnDay day) {
            return tables.answer(how, StaffingTable.onDay(projectId, day), StaffingTable.onDayRows(day));
        }
        StaffingView.InPeriod changes = (StaffingView.InPeriod) view;
        return tables.answer(how, StaffingTable.changes(projectId, changes), StaffingTable.changeRows(changes));
    }
}
