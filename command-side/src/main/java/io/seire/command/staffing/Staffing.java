package io.seire.command.staffing;

import io.seire.command.project.Allowed;
import io.seire.command.project.Outcome;
import io.seire.kernel.Recorded;
import io.seire.kernel.access.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import io.seire.command.reporting.PeriodLocks;
import io.seire.command.setup.Ids;
import io.seire.command.setup.ProjectSetup;
import io.seire.kernel.PersonalText;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.staffing.EraseStaffMember;
import io.seire.kernel.staffing.HireStaff;
import io.seire.kernel.staffing.OpenPosition;
import io.seire.kernel.staffing.PositionOpened;
import io.seire.kernel.staffing.RecordDeparture;
import io.seire.kernel.staffing.RecordRecruitmentFailure;
import io.seire.kernel.staffing.RecruitmentFailed;
import io.seire.kernel.staffing.StaffDeparted;
import io.seire.kernel.staffing.StaffHired;
import io.seire.kernel.staffing.StaffMemberErased;
import io.seire.platform.personaldata.PersonalData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Positions and the people who hold them. A position has at most one holder at a time; nobody is hired before the
 * position opens or outside eligibility, and nobody leaves before they started. Names are personal data: they are
 * recorded only sealed under the staff member's own key, never appear in a message, and can be erased.
 */
public class Staffing {

    /** A position as the rules need it. */
    public static class Position {
        private String code;
        private LocalDate openedOn;
        /** The staff member who holds the position now, or who held it last. */
        private String lastHolder;

        Position() {
        }

        Position(String code, LocalDate openedOn) {
            this.code = code;
            this.openedOn = openedOn;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Position p && Objects.equals(code, p.code) && Objects.equals(openedOn, p.openedOn)
                    && Objects.equals(lastHolder, p.lastHolder);
        }

        @Override
        public int hashCode() {
            return Objects.hash(code, openedOn, lastHolder);
        }
    }

    /** A staff member as the rules need it (no name). */
    public static class Member {
        private String position;
        private LocalDate startDate;
        private LocalDate endDate;
        private boolean erased;

        Member() {
        }

        Member(String position, LocalDate startDate) {
            this.position = position;
            this.startDate = startDate;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Member m && Objects.equals(position, m.position)
                    && Objects.equals(startDate, m.startDate) && Objects.equals(endDate, m.endDate)
                    && erased == m.erased;
        }

        @Override
        public int hashCode() {
            return Objects.hash(position, startDate, endDate, erased);
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Map<String, Position> positions = new HashMap<>();
    private Map<String, Member> members = new HashMap<>();

    // ---------------------------------------------------------------- commands: who may send them, what they record

    @CommandHandler
    @Allowed(value = Role.MANAGER, to = "open positions")
    public Recorded handle(OpenPosition c, ProjectSetup setup, PeriodLocks locks) {
        return Outcome.record(c.code(), decide(c, setup, locks));
    }

    @CommandHandler
    @Allowed(value = Role.MANAGER, to = "record recruitments")
    public Recorded handle(RecordRecruitmentFailure c, ProjectSetup setup, PeriodLocks locks) {
        return Outcome.record(c.position(), decide(c, setup, locks));
    }

    @CommandHandler
    @Allowed(value = Role.MANAGER, to = "hire staff")
    public Recorded handle(HireStaff c, ProjectSetup setup, PeriodLocks locks, PersonalData personalData) {
        return Outcome.record(c.staffId(), decide(c, setup, locks, personalData));
    }

    @CommandHandler
    @Allowed(value = Role.ADMIN, to = "erase personal data")
    public Recorded handle(EraseStaffMember c, PersonalData personalData) {
        return Outcome.record(c.staffId(), decide(c, personalData));
    }

    @CommandHandler
    @Allowed(value = Role.MANAGER, to = "record departures")
    public Recorded handle(RecordDeparture c, ProjectSetup setup, PeriodLocks locks) {
        return Outcome.record(c.staffId(), decide(c, setup, locks));
    }

    public PositionOpened decide(OpenPosition c, ProjectSetup setup, PeriodLocks locks) {
        Ids.check("code", c.code());
        if (c.title() == null || c.title().isBlank()) {
            throw RuleViolation.badRequest("field-required", "title", "is required");
        }
        if (c.openedOn() == null) {
            throw RuleViolation.badRequest("field-required", "openedOn", "is required");
        }
        if (positions.containsKey(c.code())) {
            throw RuleViolation.conflict("codes-unique", "code", "The project already has a position '" + c.code() + "'.");
        }
        List<String> subActivities = c.subActivities() == null ? List.of() : List.copyOf(c.subActivities());
        if (subActivities.isEmpty()) {
            throw RuleViolation.badRequest("position-serves-sub-activities", "subActivities",
                    "A position is opened for at least one sub-activity.");
        }
        for (String sub : subActivities) {
            if (!setup.hasSubActivity(sub)) {
                throw RuleViolation.unprocessable("sub-activity-exists", "subActivities",
                        "The project has no sub-activity '" + sub + "'.");
            }
        }
        setup.checkInsideEligibility("staffing-inside-eligibility", "openedOn", c.openedOn(), "The opening date");
        locks.checkOpen(c.openedOn(), setup, "openedOn", "The opening date " + c.openedOn());
        return new PositionOpened(c.projectId(), c.code(), c.title(), subActivities, c.openedOn());
    }

    @EventSourcingHandler
    public void on(PositionOpened e) {
        positions.put(e.code(), new Position(e.code(), e.openedOn()));
    }

    public RecruitmentFailed decide(RecordRecruitmentFailure c, ProjectSetup setup, PeriodLocks locks) {
        Position position = position(c.position());
        if (c.date() == null) {
            throw RuleViolation.badRequest("field-required", "date", "is required");
        }
        if (c.reason() == null || c.reason().isBlank()) {
            throw RuleViolation.badRequest("reason-required", "reason", "Say why the recruitment failed.");
        }
        notBeforeOpening(position, c.date(), "date", "A recruitment");
        setup.checkInsideEligibility("staffing-inside-eligibility", "date", c.date(), "The date");
        locks.checkOpen(c.date(), setup, "date", "The date " + c.date());
        return new RecruitmentFailed(c.projectId(), c.position(), c.date(), c.reason());
    }

    public StaffHired decide(HireStaff c, ProjectSetup setup, PeriodLocks locks, PersonalData personalData) {
        Position position = position(c.position());
        Ids.check("staffId", c.staffId());
        if (c.name() == null || c.name().isBlank()) {
            throw RuleViolation.badRequest("field-required", "name", "is required");
        }
        if (c.startDate() == null) {
            throw RuleViolation.badRequest("field-required", "startDate", "is required");
        }
        BigDecimal workload = c.workloadPercent();
        if (workload == null || workload.compareTo(BigDecimal.ONE) < 0 || workload.compareTo(HUNDRED) > 0) {
            throw RuleViolation.badRequest("workload-1-to-100", "workloadPercent",
                    "The workload must be between 1 and 100 %.");
        }
        if (members.containsKey(c.staffId())) {
            throw RuleViolation.conflict("staff-id-unique", "staffId", "Staff id '" + c.staffId() + "' is already used.");
        }
        notBeforeOpening(position, c.startDate(), "startDate", "A hire");
        setup.checkInsideEligibility("hire-inside-eligibility", "startDate", c.startDate(), "The start date");
        if (position.lastHolder != null) {
            Member holder = members.get(position.lastHolder);
            if (holder.endDate == null || !holder.endDate.isBefore(c.startDate())) {
                throw RuleViolation.conflict("one-holder-at-a-time", "startDate", "Position '" + c.position()
                        + "' is held by staff member '" + position.lastHolder + "'"
                        + (holder.endDate == null ? "" : " until " + holder.endDate)
                        + "; record their departure before hiring someone else into it.");
            }
        }
        locks.checkOpen(c.startDate(), setup, "startDate", "The start date " + c.startDate());
        // sealed last, once every rule has passed: a refused hire leaves no key behind (nor does a rolled-back one)
        PersonalText name = personalData.seal(c.projectId(), StaffHired.subject(c.staffId()), c.name());
        return new StaffHired(c.projectId(), c.position(), c.staffId(), name, c.startDate(), workload);
    }

    @EventSourcingHandler
    public void on(StaffHired e) {
        members.put(e.staffId(), new Member(e.position(), e.startDate()));
        positions.get(e.position()).lastHolder = e.staffId();
    }

    public StaffDeparted decide(RecordDeparture c, ProjectSetup setup, PeriodLocks locks) {
        Member member = members.get(c.staffId());
        if (member == null) {
            throw RuleViolation.notFound("staff-member-exists", "The project has no staff member '" + c.staffId() + "'.");
        }
        if (c.endDate() == null) {
            throw RuleViolation.badRequest("field-required", "endDate", "is required");
        }
        if (member.endDate != null) {
            throw RuleViolation.conflict("departs-once", "endDate", "Staff member '" + c.staffId()
                    + "' has already left (last working day " + member.endDate + ").");
        }
        if (c.endDate().isBefore(member.startDate)) {
            throw RuleViolation.unprocessable("no-departure-before-hire", "endDate", "The last working day ("
                    + c.endDate() + ") is before staff member '" + c.staffId() + "' started (" + member.startDate + ").");
        }
        setup.checkInsideEligibility("staffing-inside-eligibility", "endDate", c.endDate(), "The last working day");
        locks.checkOpen(c.endDate(), setup, "endDate", "The last working day " + c.endDate());
        return new StaffDeparted(c.projectId(), c.staffId(), member.position, c.endDate(), c.reason());
    }

    @EventSourcingHandler
    public void on(StaffDeparted e) {
        members.get(e.staffId()).endDate = e.endDate();
    }

    /**
     * Erasure destroys the key the name is sealed under, in the erasing write's transaction. It changes no figure and
     * no date, so it is allowed whatever periods are locked or claimed.
     */
    public StaffMemberErased decide(EraseStaffMember c, PersonalData personalData) {
        Member member = members.get(c.staffId());
        if (member == null) {
            throw RuleViolation.notFound("staff-member-exists", "The project has no staff member '" + c.staffId() + "'.");
        }
        if (c.reason() == null || c.reason().isBlank()) {
            throw RuleViolation.badRequest("reason-required", "reason", "Say why the personal data is erased.");
        }
        if (member.erased) {
            throw RuleViolation.conflict("erased-once", null, "The personal data of staff member '" + c.staffId()
                    + "' has already been erased.");
        }
        // a name recorded before encryption has no key: its event is shown erased all the same (ADR 0035)
        personalData.destroy(c.projectId(), StaffHired.subject(c.staffId()));
        return new StaffMemberErased(c.projectId(), c.staffId(), c.reason());
    }

    @EventSourcingHandler
    public void on(StaffMemberErased e) {
        members.get(e.staffId()).erased = true;
    }

    private Position position(String code) {
        Position p = positions.get(code);
        if (p == null) {
            throw RuleViolation.notFound("position-exists", "The project has no position '" + code + "'.");
        }
        return p;
    }

    private static void notBeforeOpening(Position p, LocalDate date, String field, String what) {
        if (date.isBefore(p.openedOn)) {
            throw RuleViolation.unprocessable("not-before-position-opens", field, what + " on " + date
                    + " comes before position '" + p.code + "' opened (" + p.openedOn + ").");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Staffing s && Objects.equals(positions, s.positions) && Objects.equals(members, s.members);
    }

    @Override
    public int hashCode() {
        return Objects.hash(positions, members);
    }
}
