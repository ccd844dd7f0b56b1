package io.seire.query.audit;

import io.seire.kernel.ProjectEvent;
import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.programme.ProgrammeEvent;
import io.seire.kernel.programme.ProgrammeRegistered;
import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.kernel.reporting.ReportApproved;
import io.seire.kernel.reporting.ReportReturned;
import io.seire.kernel.reporting.ReportSubmitted;
import io.seire.kernel.results.IndicatorValueCorrected;
import io.seire.kernel.results.IndicatorValueRecorded;
import io.seire.kernel.results.IndicatorValueRetracted;
import io.seire.kernel.setup.BudgetLineAdded;
import io.seire.kernel.setup.BudgetLineRevised;
import io.seire.kernel.setup.IndicatorDefined;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.SubActivityAdded;
import io.seire.kernel.staffing.PositionOpened;
import io.seire.kernel.staffing.RecruitmentFailed;
import io.seire.kernel.staffing.StaffDeparted;
import io.seire.kernel.staffing.StaffHired;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an event means for the audit trail: its business date, a one-line summary of what changed, its reason, and
 * the subjects it touches (budget lines, indicators, sub-activities, staffing), which link a changed figure to the
 * events that changed it. Names of people are personal data and stay out of summaries.
 */
public final class AuditDescriptions {

    /** An audit line. {@code before} is the expenditure's line before a correction or cancellation, if any. */
    public record Description(String businessDate, String summary, String reason, List<String> subjects) {
    }

    /** The expenditure as it was before the event, for corrections and cancellations. */
    public record Before(String budgetLine, String amount, String incurredOn) {
    }

    private AuditDescriptions() {
    }

    public static String line(String code) {
        return "line:" + code;
    }

    public static String indicator(String code) {
        return "indicator:" + code;
    }

    public static String subActivity(String code) {
        return "sub-activity:" + code;
    }

    /** The business date an event touches: a report for a period ending on or after it may see its figures change. */
    public static String date(Object date) {
        return "date:" + date;
    }

    public static final String STAFFING = "staffing";
    public static final String PROJECT = "project";
    public static final String REPORTING = "reporting";

    /** " (1000.00 CHF at 1.064 of 2024-07-01, source)" for an expenditure in another currency, else "". */
    static String inWords(io.seire.kernel.finance.OriginalAmount o) {
        if (o == null) {
            return "";
        }
        return " (" + o.amount().toPlainString() + " " + o.currency() + " at the rate " + o.rate().toPlainString()
                + " of " + o.rateDate() + (o.rateSource() == null ? "" : ", " + o.rateSource()) + ")";
    }

    public static Description describe(ProjectEvent event, Before before, java.time.LocalDate valuePeriodEnd) {
        if (event instanceof ExpenditureRecorded e) {
            return new Description(e.incurredOn().toString(), "Expenditure " + e.expenditureId() + " recorded: "
                    + e.amount().toPlainString() + inWords(e.original()) + " on " + e.budgetLine() + ", incurred "
                    + e.incurredOn() + (e.corrects() == null ? "" : ", adjusting " + e.corrects()), null,
                    List.of(line(e.budgetLine()), date(e.incurredOn())));
        }
        if (event instanceof ExpenditureCorrected e) {
            List<String> changes = new ArrayList<>();
            List<String> subjects = new ArrayList<>(List.of(line(e.budgetLine()), date(e.incurredOn())));
            if (before != null) {
                subjects.add(date(before.incurredOn()));
                if (!Objects.equals(before.budgetLine(), e.budgetLine())) {
                    changes.add("budget line " + before.budgetLine() + " → " + e.budgetLine());
                    subjects.add(line(before.budgetLine()));
                }
                if (!Objects.equals(before.amount(), e.amount().toPlainString())) {
                    changes.add("amount " + before.amount() + " → " + e.amount().toPlainString());
                }
                if (e.original() != null) {
                    changes.add("original" + inWords(e.original()));
                }
                if (!Objects.equals(before.incurredOn(), e.incurredOn().toString())) {
                    changes.add("incurred " + before.incurredOn() + " → " + e.incurredOn());
                }
            }
            return new Description(e.incurredOn().toString(), "Expenditure " + e.expenditureId() + " corrected"
                    + (changes.isEmpty() ? "" : ": " + String.join(", ", changes)), e.reason(), subjects);
        }
        if (event instanceof ExpenditureCancelled e) {
            return new Description(before == null ? null : before.incurredOn(), "Expenditure " + e.expenditureId()
                    + " cancelled" + (before == null ? "" : ": " + before.amount() + " on " + before.budgetLine()),
                    e.reason(), before == null ? List.of() : List.of(line(before.budgetLine()), date(before.incurredOn())));
        }
        if (event instanceof IndicatorValueRecorded e) {
            return new Description(e.period(), "Indicator " + e.indicator() + " value " + e.valueId() + " recorded for "
                    + e.period() + ": " + e.value(), null, valueSubjects(e.indicator(), valuePeriodEnd));
        }
        if (event instanceof IndicatorValueCorrected e) {
            return new Description(null, "Indicator " + e.indicator() + " value " + e.valueId() + " corrected to "
                    + e.value(), e.reason(), valueSubjects(e.indicator(), valuePeriodEnd));
        }
        if (event instanceof IndicatorValueRetracted e) {
            return new Description(null, "Indicator " + e.indicator() + " value " + e.valueId() + " retracted",
                    e.reason(), valueSubjects(e.indicator(), valuePeriodEnd));
        }
        if (event instanceof ActivityProgressReported e) {
            return new Description(e.period(), "Progress of sub-activity " + e.subActivity() + " in " + e.period()
                    + " reported: " + e.status(), null, valueSubjects(null, valuePeriodEnd, subActivity(e.subActivity())));
        }
        if (event instanceof PositionOpened e) {
            return new Description(e.openedOn().toString(), "Position " + e.code() + " opened for sub-activities "
                    + String.join(", ", e.subActivities()), null, List.of(STAFFING, date(e.openedOn())));
        }
        if (event instanceof RecruitmentFailed e) {
            return new Description(e.date().toString(), "Recruitment for position " + e.position() + " failed",
                    e.reason(), List.of(STAFFING, date(e.date())));
        }
        if (event instanceof StaffHired e) {
            return new Description(e.startDate().toString(), "Staff member " + e.staffId() + " hired into position "
                    + e.position() + " at " + e.workloadPercent().stripTrailingZeros().toPlainString() + " %", null,
                    List.of(STAFFING, date(e.startDate())));
        }
        if (event instanceof StaffDeparted e) {
            return new Description(e.endDate().toString(), "Staff member " + e.staffId() + " left position "
                    + e.position() + " (last working day " + e.endDate() + ")", e.reason(), List.of(STAFFING, date(e.endDate())));
        }
        if (event instanceof io.seire.kernel.personaldata.FreeTextRedacted e) {
            return new Description(null, "Free text of " + e.record() + " redacted (" + String.join(", ", e.fields())
                    + "; its keys destroyed)", e.reason(), switch (e.kind()) {
                        case EXPENDITURE -> List.of();
                        case INDICATOR_VALUE -> List.of(indicator(e.scope()));
                        case PROGRESS -> List.of(subActivity(e.scope()));
                    });
        }
        if (event instanceof io.seire.kernel.staffing.StaffMemberErased e) {
            return new Description(null, "Personal data of staff member " + e.staffId() + " erased (its key destroyed)",
                    e.reason(), List.of(STAFFING));
        }
        if (event instanceof ReportSubmitted e) {
            return new Description(e.period(), e.kind() + " report " + e.reportId() + " submitted for " + e.period()
                    + "; chain head " + e.chainHead(), null, List.of(REPORTING));
        }
        if (event instanceof ReportApproved e) {
            return new Description(null, "Report " + e.reportId() + " approved", e.comment(), List.of(REPORTING));
        }
        if (event instanceof ReportReturned e) {
            return new Description(null, "Report " + e.reportId() + " returned", e.comment(), List.of(REPORTING));
        }
        if (event instanceof ProjectRegistered e) {
            return new Description(e.eligibleFrom().toString(), "Project registered: " + e.name() + ", eligible "
                    + e.eligibleFrom() + " to " + e.eligibleTo() + (e.component() == null ? ""
                    : ", in component " + e.component() + " of programme " + e.programme()), null, List.of(PROJECT));
        }
        if (event instanceof SubActivityAdded e) {
            return new Description(null, "Sub-activity " + e.code() + " added: " + e.name(), null,
                    List.of(PROJECT, subActivity(e.code())));
        }
        if (event instanceof BudgetLineAdded e) {
            return new Description(null, "Budget line " + e.code() + " added: " + (e.flatRate() == null
                    ? e.planned().toPlainString() : e.flatRate().percent().toPlainString() + " % of "
                    + e.flatRate().ofCostCategory()) + " for " + e.costCategory() + " in sub-activity "
                    + e.subActivity(), null, List.of(PROJECT, line(e.code())));
        }
        if (event instanceof BudgetLineRevised e) {
            return new Description(e.effectiveFrom().toString(), "Budget line " + e.code() + " revised to "
                    + e.planned().toPlainString() + " from " + e.effectiveFrom()
                    + (e.reference() == null ? "" : " (" + e.reference() + ")"), e.reason(),
                    List.of(PROJECT, line(e.code()), date(e.effectiveFrom())));
        }
        if (event instanceof IndicatorDefined e) {
            return new Description(null, "Indicator " + e.code() + " defined: " + e.name()
                    + (e.programmeIndicator() == null ? ""
                    : ", counting towards programme indicator " + e.programmeIndicator()), null,
                    List.of(PROJECT, indicator(e.code())));
        }
        Description workPlan = io.seire.query.workplans.WorkPlanAudit.describe(event);
        if (workPlan != null) {
            return workPlan;
        }
        Description reimbursement = Reimbursements.describe(event);
        if (reimbursement != null) {
            return reimbursement;
        }
        return new Description(null, event.getClass().getSimpleName(), null, List.of());
    }

    public static final String PROGRAMME = "programme";
    public static final String REIMBURSEMENT = "reimbursement";

    /** Reimbursement requests in a finance clerk's words: what was claimed, decided and paid, in which currency. */
    static final class Reimbursements {

        private Reimbursements() {
        }

        static Description describe(ProjectEvent event) {
            if (event instanceof io.seire.kernel.reimbursement.ReimbursementRequested e) {
                var f = e.figures();
                return new Description(e.to().toString(), "Reimbursement request " + e.requestId() + " submitted for "
                        + "payments from " + e.from() + " to " + e.to() + ": " + f.expenditures().size()
                        + (f.expenditures().size() == 1 ? " expenditure, " : " expenditures, ") + "eligible "
                        + f.eligibleTotal().toPlainString() + ", claimed " + f.claimed().toPlainString() + " ("
                        + f.claimedInClaimCurrency().toPlainString() + " " + e.claimCurrency() + " at the rate "
                        + e.exchangeRate().rate().toPlainString() + " of " + e.exchangeRate().date() + ", "
                        + e.exchangeRate().source() + ")", null, List.of(REIMBURSEMENT));
            }
            if (event instanceof io.seire.kernel.reimbursement.ReimbursementRequestApproved e) {
                String excluded = e.excluded().isEmpty() ? "" : "; left out: " + e.excluded().stream()
                        .map(x -> x.expenditure() + " (" + x.reason() + ")")
                        .collect(java.util.stream.Collectors.joining(", "));
                return new Description(null, "Reimbursement request " + e.requestId() + " approved: claimed "
                        + e.approved().claimed().toPlainString() + " (" + e.approved().claimedInClaimCurrency()
                        .toPlainString() + " " + e.claimCurrency() + ")" + excluded, e.comment(), List.of(REIMBURSEMENT));
            }
            if (event instanceof io.seire.kernel.reimbursement.ReimbursementRequestReturned e) {
                return new Description(null, "Reimbursement request " + e.requestId() + " returned; its "
                        + "expenditures can be claimed again", e.comment(), List.of(REIMBURSEMENT));
            }
            if (event instanceof io.seire.kernel.reimbursement.ReimbursementPaymentRecorded e) {
                return new Description(e.paidOn().toString(), "Reimbursement request " + e.requestId() + " paid: "
                        + e.amount().toPlainString() + " " + e.claimCurrency() + " on " + e.paidOn(), null,
                        List.of(REIMBURSEMENT));
            }
            return null;
        }
    }

    /** What a programme's event means, in a programme officer's words. */
    public static Description describe(ProgrammeEvent event) {
        if (event instanceof ProgrammeRegistered e) {
            String sources = e.fundingSources().stream()
                    .map(s -> s.name() + " " + s.share().stripTrailingZeros().toPlainString() + " %"
                            + (s.claimable() ? " (claimed from the funder)" : " (not claimed)"))
                    .collect(java.util.stream.Collectors.joining(", "));
            String components = e.components().isEmpty() ? "none" : e.components().stream()
                    .map(c -> c.code() + " " + c.name()).collect(java.util.stream.Collectors.joining(", "));
            String indicators = e.indicators().isEmpty() ? "none" : e.indicators().stream()
                    .map(i -> i.code() + " " + i.name() + " (" + i.unit() + ")")
                    .collect(java.util.stream.Collectors.joining(", "));
            return new Description(null, "Programme registered: " + e.name() + "; projects keep their books in "
                    + e.currency() + "; claims in " + e.claimCurrency() + " up to a ceiling of "
                    + e.ceiling().toPlainString() + " " + e.claimCurrency() + "; funded by " + sources
                    + "; components: " + components + "; indicators: " + indicators, null, List.of(PROGRAMME));
        }
        return new Description(null, event.getClass().getSimpleName(), null, List.of(PROGRAMME));
    }

    private static List<String> valueSubjects(String indicatorCode, java.time.LocalDate periodEnd, String... more) {
        List<String> subjects = new ArrayList<>(List.of(more));
        if (indicatorCode != null) {
            subjects.add(indicator(indicatorCode));
        }
        if (periodEnd != null) {
            subjects.add(date(periodEnd));
        }
        return subjects;
    }
}
