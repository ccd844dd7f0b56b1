package io.seire.command.staffing;

import io.seire.command.write.Sends;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.kernel.access.Actor;
import io.seire.kernel.staffing.EraseStaffMember;
import io.seire.kernel.staffing.HireStaff;
import io.seire.kernel.staffing.OpenPosition;
import io.seire.kernel.staffing.RecordDeparture;
import io.seire.kernel.staffing.RecordRecruitmentFailure;
import io.seire.platform.personaldata.PersonalData;
import io.seire.platform.web.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Managers open positions, record failed recruitments, hires and departures. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}")
@Tag(name = "Results, progress, staffing")
public class StaffingController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StaffingController.class);

    public record PositionRequest(String code, String title, List<String> subActivities, LocalDate openedOn) {
    }

    public record RecruitmentFailureRequest(LocalDate date, String reason) {
    }

    public record HireRequest(String staffId, String name, LocalDate startDate, String workloadPercent) {
        @Override
        public String toString() {
            return "HireRequest[staffId=" + staffId + "]";
        }
    }

    public record DepartureRequest(LocalDate endDate, String reason) {
    }

    public record ErasureRequest(String reason) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;
    private final PersonalData personalData;

    public StaffingController(WriteExecutor writes, ObjectMapper json, PersonalData personalData) {
        this.writes = writes;
        this.json = json;
        this.personalData = personalData;
    }

    @PostMapping("/positions")
    @Sends(OpenPosition.class)
    @Operation(summary = "Open a position for sub-activities (managers)")
    public ResponseEntity<String> open(@PathVariable String projectId, @RequestBody PositionRequest body, Actor actor,
                                       HttpServletRequest request) {
        Fields f = new Fields();
        f.required("code", body.code());
        f.required("title", body.title());
        f.required("subActivities", body.subActivities());
        f.required("openedOn", body.openedOn());
        f.throwIfInvalid();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201),
                new OpenPosition(projectId, body.code(), body.title(), body.subActivities(), body.openedOn()));
    }

    @PostMapping("/positions/{code}/recruitment-failures")
    @Sends(RecordRecruitmentFailure.class)
    @Operation(summary = "Record a recruitment that found nobody, with the reason (managers)")
    public ResponseEntity<String> failed(@PathVariable String projectId, @PathVariable String code,
                                         @RequestBody RecruitmentFailureRequest body, Actor actor,
                                         HttpServletRequest request) {
        Fields f = new Fields();
        f.required("date", body.date());
        f.required("reason", body.reason());
        f.throwIfInvalid();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201),
                new RecordRecruitmentFailure(projectId, code, body.date(), body.reason()));
    }

    @PostMapping("/positions/{code}/hires")
    @Sends(HireStaff.class)
    @Operation(summary = "Hire a person into a position; answers the staff id (managers)")
    public ResponseEntity<String> hire(@PathVariable String projectId, @PathVariable String code,
                                       @RequestBody HireRequest body, Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        f.required("name", body.name());
        f.required("startDate", body.startDate());
        f.required("workloadPercent", body.workloadPercent());
        BigDecimal workload = f.percent("workloadPercent", body.workloadPercent(), BigDecimal.ONE);
        f.throwIfInvalid();
        personalData.requireMasterKey();
        String staffId = body.staffId() == null ? UUID.randomUUID().toString() : body.staffId();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201),
                new HireStaff(projectId, code, staffId, body.name(), body.startDate(), workload));
    }

    @PostMapping("/staff/{staffId}/departure")
    @Sends(RecordDeparture.class)
    @Operation(summary = "Record that a staff member leaves; endDate is the last working day (managers)")
    public ResponseEntity<String> depart(@PathVariable String projectId, @PathVariable String staffId,
                                         @RequestBody DepartureRequest body, Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        f.required("endDate", body.endDate());
        f.throwIfInvalid();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201),
                new RecordDeparture(projectId, staffId, body.endDate(), f.optional(body.reason())));
    }

    @PostMapping("/staff/{staffId}/erasure")
    @Sends(EraseStaffMember.class)
    @Operation(summary = "Erase a staff member's name by destroying its key; figures, dates and the chain stay "
            + "(administrators)")
    public ResponseEntity<String> erase(@PathVariable String projectId, @PathVariable String staffId,
                                        @RequestBody ErasureRequest body, Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        f.required("reason", body.reason());
        f.throwIfInvalid();
        ResponseEntity<String> erased = writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new EraseStaffMember(projectId, staffId, body.reason()));
        // for the operator: what was erased, by whom; never whose name it was
        log.info("Personal data of staff member {} of project {} erased by {}", staffId, projectId, actor.username());
        return erased;
    }
}
