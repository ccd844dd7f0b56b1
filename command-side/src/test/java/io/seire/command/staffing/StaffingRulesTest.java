package io.seire.command.staffing;

import static io.seire.command.project.Fixtures.*;

import io.seire.command.project.Project;
import io.seire.kernel.PersonalText;
import io.seire.kernel.staffing.EraseStaffMember;
import io.seire.kernel.staffing.StaffMemberErased;
import io.seire.kernel.staffing.HireStaff;
import io.seire.kernel.staffing.OpenPosition;
import io.seire.kernel.staffing.PositionOpened;
import io.seire.kernel.staffing.RecordDeparture;
import io.seire.kernel.staffing.RecordRecruitmentFailure;
import io.seire.kernel.staffing.RecruitmentFailed;
import io.seire.kernel.staffing.StaffDeparted;
import io.seire.kernel.staffing.StaffHired;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The staffing rules, each named. */
class StaffingRulesTest {

    static final PositionOpened COORDINATOR = new PositionOpened(PROJECT, "KOORD", "Alategevuste koordinaator",
            List.of("3", "4", "5"), date("2024-09-01"));

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = projectFixture();
    }

    private TestExecutor<Project> given(Object... more) {
        List<Object> events = new ArrayList<>(List.of(registered(), subActivity("3"), subActivity("4"), subActivity("5"),
                subActivity("6"), COORDINATOR));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    static HireStaff hire(String staffId, String start, String workload) {
        return new HireStaff(PROJECT, "KOORD", staffId, "Elmo Puidet", date(start), eur(workload));
    }

    static StaffHired hired(String staffId, String start, String workload) {
        return new StaffHired(PROJECT, "KOORD", staffId, PersonalText.sealed("key-" + staffId, "c2VhbGVk"), date(start),
                eur(workload));
    }

    /**
     * The hire as recorded: everything as given, and the name sealed under a key of the staff member's own, never in
     * the clear (each sealing draws a fresh nonce, so the ciphertext is compared by opening it).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static org.hamcrest.Matcher<java.util.List<? super org.axonframework.eventhandling.EventMessage<?>>> recordsHire(
            String staffId, String start, String workload) {
        return (org.hamcrest.Matcher) org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers
                .exactSequenceOf(new org.hamcrest.TypeSafeMatcher<StaffHired>() {
                    @Override
                    protected boolean matchesSafely(StaffHired e) {
                        return e.projectId().equals(PROJECT) && e.position().equals("KOORD")
                                && e.staffId().equals(staffId) && e.startDate().equals(date(start))
                                && e.workloadPercent().equals(eur(workload)) && e.name().legacyClear() == null
                                && !e.name().ciphertext().contains("Elmo")
                                && "Elmo Puidet".equals(PERSONAL_DATA.open(e.name(), "[erased]"));
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description d) {
                        d.appendText("StaffHired of " + staffId + " with the name sealed");
                    }
                }, org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void a_position_is_opened_for_existing_sub_activities() {
        given().when(new OpenPosition(PROJECT, "IT", "IT-spetsialist", List.of("6"), date("2024-08-01")), as(MANAGER))
                .expectEvents(new PositionOpened(PROJECT, "IT", "IT-spetsialist", List.of("6"), date("2024-08-01")));
        given().when(new OpenPosition(PROJECT, "IT", "IT-spetsialist", List.of("7"), date("2024-08-01")), as(MANAGER))
                .expectException(violates("sub-activity-exists"));
        given().when(new OpenPosition(PROJECT, "KOORD", "Teine", List.of("6"), date("2024-08-01")), as(MANAGER))
                .expectException(violates("codes-unique"));
    }

    @Test
    void a_failed_recruitment_is_recorded_with_its_reason() {
        given().when(new RecordRecruitmentFailure(PROJECT, "KOORD", date("2024-10-15"), "Sobivat kandidaati ei leitud"), as(MANAGER))
                .expectEvents(new RecruitmentFailed(PROJECT, "KOORD", date("2024-10-15"), "Sobivat kandidaati ei leitud"));
        given().when(new RecordRecruitmentFailure(PROJECT, "NOPE", date("2024-10-15"), "x"), as(MANAGER))
                .expectException(violates("position-exists"));
    }

    @Test
    void no_hire_before_the_position_opens() {
        given().when(hire("S1", "2024-08-31", "100"), as(MANAGER)).expectNoEvents()
                .expectException(violates("not-before-position-opens"));
    }

    @Test
    void no_hire_outside_eligibility() {
        given().when(hire("S1", "2028-08-01", "100"), as(MANAGER)).expectNoEvents()
                .expectException(violates("hire-inside-eligibility"));
    }

    @Test
    void workload_from_1_to_100_percent() {
        given().when(hire("S1", "2024-11-01", "0.5"), as(MANAGER)).expectException(violates("workload-1-to-100"));
        given().when(hire("S1", "2024-11-01", "101"), as(MANAGER)).expectException(violates("workload-1-to-100"));
        given().when(hire("S1", "2024-11-01", "50"), as(MANAGER)).expectEventsMatching(recordsHire("S1", "2024-11-01", "50"));
    }

    @Test
    void a_position_has_one_holder_at_a_time() {
        given(hired("S1", "2024-11-01", "100")).when(hire("S2", "2025-01-01", "100"), as(MANAGER))
                .expectNoEvents().expectException(violates("one-holder-at-a-time"));
        given(hired("S1", "2024-11-01", "100"), new StaffDeparted(PROJECT, "S1", "KOORD", date("2025-03-31"), "lahkus"))
                .when(hire("S2", "2025-03-31", "100"), as(MANAGER)).expectException(violates("one-holder-at-a-time"));
        given(hired("S1", "2024-11-01", "100"), new StaffDeparted(PROJECT, "S1", "KOORD", date("2025-03-31"), "lahkus"))
                .when(hire("S2", "2025-04-01", "100"), as(MANAGER)).expectEventsMatching(recordsHire("S2", "2025-04-01", "100"));
    }

    @Test
    void no_departure_before_the_hire() {
        given(hired("S1", "2024-11-01", "100"))
                .when(new RecordDeparture(PROJECT, "S1", date("2024-10-31"), "x"), as(MANAGER))
                .expectNoEvents().expectException(violates("no-departure-before-hire"));
        given(hired("S1", "2024-11-01", "100"))
                .when(new RecordDeparture(PROJECT, "S1", date("2024-11-01"), "Lahkus omal soovil"), as(MANAGER))
                .expectEvents(new StaffDeparted(PROJECT, "S1", "KOORD", date("2024-11-01"), "Lahkus omal soovil"));
        given(hired("S1", "2024-11-01", "100"), new StaffDeparted(PROJECT, "S1", "KOORD", date("2024-12-01"), null))
                .when(new RecordDeparture(PROJECT, "S1", date("2024-12-15"), "x"), as(MANAGER))
                .expectException(violates("departs-once"));
        given().when(new RecordDeparture(PROJECT, "S9", date("2024-12-15"), "x"), as(MANAGER))
                .expectException(violates("staff-member-exists"));
    }

    @Test
    void names_never_appear_in_messages() {
        given(hired("S1", "2024-11-01", "100")).when(hire("S2", "2025-01-01", "100"), as(MANAGER))
                .expectException(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasToString(
                        org.hamcrest.Matchers.containsString("Elmo"))));
    }

    @Test
    void erasure_destroys_the_key_and_records_an_event_without_the_name_whatever_is_locked() {
        String sealedKey = PERSONAL_DATA.seal(PROJECT, StaffHired.subject("S-ERASE"), "Elmo Puidet").keyId();
        StaffHired hire = new StaffHired(PROJECT, "KOORD", "S-ERASE", PersonalText.sealed(sealedKey, "x"),
                date("2024-11-01"), eur("100"));
        given(hire, new io.seire.kernel.reporting.ReportSubmitted(PROJECT, "R1", "2024",
                io.seire.kernel.reporting.ReportKind.INTERIM, "hinnang", 9, "ab".repeat(32)))
                .when(new EraseStaffMember(PROJECT, "S-ERASE", "Andmesubjekti taotlus"), as(ADMIN))
                .expectEvents(new StaffMemberErased(PROJECT, "S-ERASE", "Andmesubjekti taotlus"));
        org.assertj.core.api.Assertions.assertThat(PERSONAL_DATA.hasLiveKey(PROJECT, StaffHired.subject("S-ERASE")))
                .as("the key is destroyed").isFalse();
    }

    @Test
    void erasure_needs_an_administrator_a_reason_a_staff_member_and_happens_once() {
        given(hired("S1", "2024-11-01", "100")).when(new EraseStaffMember(PROJECT, "S1", "x"), as(MANAGER))
                .expectException(violates("role-allows-write"));
        given(hired("S1", "2024-11-01", "100")).when(new EraseStaffMember(PROJECT, "S1", " "), as(ADMIN))
                .expectException(violates("reason-required"));
        given(hired("S1", "2024-11-01", "100")).when(new EraseStaffMember(PROJECT, "S9", "x"), as(ADMIN))
                .expectException(violates("staff-member-exists"));
        given(hired("S1", "2024-11-01", "100"), new StaffMemberErased(PROJECT, "S1", "x"))
                .when(new EraseStaffMember(PROJECT, "S1", "again"), as(ADMIN)).expectException(violates("erased-once"));
    }
}
