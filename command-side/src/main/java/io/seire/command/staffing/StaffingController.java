package io.seire.command.staffing;

import jakarta.validation.Valid;
import io.seire.kernel.DecimalText;
import io.seire.platform.web.rules.Decimal;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import io.seire.command.write.Sends;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.command.write.Written;
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
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
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

    public record PositionRequest(@NotBlank String code, @NotBlank String title, @NotNull List<String> subActivities,
                                  @NotNull LocalDate openedOn) {
    }

    public record RecruitmentFailureRequest(@NotNull LocalDate date, @NotBlank String reason) {
    }

    public record HireRequest(String staffId, @NotBlank String name, @NotNull LocalDate startDate,
                              @NotBlank @Decimal(min = "1", max = "100") String workloadPercent) {
        @Override
        public String toString() {
            return "HireRequest[staffId=" + staffId + "]";
        }
    }

    public record DepartureRequest(@NotNull LocalDate endDate, String reason) {
    }

    public record ErasureRequest(@NotBlank String reason) {
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
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(OpenPosition.class)
    @Operation(summary = "Open a position for sub-activities (managers)")
    public ResponseEntity<Written> open(@PathVariable String projectId, @Valid @RequestBody PositionRequest body, Actor actor,
                                       HttpServletRequest request) {
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201),
                new OpenPosition(projectId, body.code(), body.title(), body.subActivities(), body.openedOn()));
    }

    @PostMapping("/positions/{code}/recruitment-failures")
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(RecordRecruitmentFailure.class)
    @Operation(summary = "Record a recruitment that found nobody, with the reason (managers)")
    public ResponseEntity<Written> failed(@PathVariable String projectId, @PathVariable String code,
                                         @Valid @RequestBody RecruitmentFailureRequest body, Actor actor,
                                         HttpServletRequest request) {
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201),
                new RecordRecruitmentFailure(projectId, code, body.date(), body.reason()));
    }

    @PostMapping("/positions/{code}/hires")
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(HireStaff.class)
    @Operation(summary = "Hire a person into a position; answers the staff id (managers)")
    public ResponseEntity<Written> hire(@PathVariable String projectId, @PathVariable String code,
                                       @Valid @RequestBody HireRequest body, Actor actor, HttpServletRequest request) {
        BigDecimal workload = DecimalText.parse(body.workloadPercent());
        personalData.requireMasterKey();
        String staffId = body.staffId() == null ? UUID.randomUUID().toString() : body.staffId();
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201),
                new HireStaff(projectId, code, staffId, body.name(), body.startDate(), workload));
    }

    @PostMapping("/staff/{staffId}/departure")
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(RecordDeparture.class)
    @Operation(summary = "Record that a staff member leaves; endDate is the last working day (managers)")
    public ResponseEntity<Written> depart(@PathVariable String projectId, @PathVariable String staffId,
                                         @Valid @RequestBody DepartureRequest body, Actor actor, HttpServletRequest request) {
        return writes.record(Write.ofJson(actor, projectId, request, json, body, 201),
                new RecordDeparture(projectId, staffId, body.endDate(), Fields.optional(body.reason())));
    }

    @PostMapping("/staff/{staffId}/erasure")
    @Sends(EraseStaffMember.class)
    @Operation(summary = "Erase a staff member's name by destroying its key; figures, dates and the chain stay "
            + "(administrators)")
    public ResponseEntity<Written> erase(@PathVariable String projectId, @PathVariable String staffId,
                                        @Valid @RequestBody ErasureRequest body, Actor actor, HttpServletRequest request) {
        ResponseEntity<Written> erased = writes.record(Write.ofJson(actor, projectId, request, json, body, 200),
                new EraseStaffMember(projectId, staffId, body.reason()));
        // for the operator: what was erased, by whom; never whose name it was
        log.info("Personal data of staff member {} of project {} erased by {}", staffId, projectId, actor.username());
        return erased;
    }
}
