package io.seire.query.audit;

import io.seire.kernel.ProjectEvent;
import io.seire.kernel.programme.ProgrammeEvent;
import io.seire.kernel.programme.ProgrammeRegistered;
import io.seire.kernel.personaldata.FreeTextRedacted;
import io.seire.query.finance.FinanceProjection;
import io.seire.query.progress.ProgressProjection;
import io.seire.query.reimbursement.ReimbursementProjection;
import io.seire.query.reporting.ReportProjection;
import io.seire.query.results.ResultsProjection;
import io.seire.query.setup.SetupProjection;
import io.seire.query.staffing.StaffingProjection;
import io.seire.query.workplans.WorkPlanProjection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an event means for the audit trail: its business date, a one-line summary of what changed, its reason, and
 * the subjects it touches (budget lines, indicators, sub-activities, staffing), which link a changed figure to the
 * events that changed it. Names of people are personal data and stay out of summaries. Each capability writes the
 * lines of its own events beside its projection ({@code describe(Catalogue)}); they are read here once, into a table
 * from event type to description.
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
    public static String inWords(io.seire.kernel.finance.OriginalAmount o) {
        if (o == null) {
            return "";
        }
        return " (" + o.amount().toPlainString() + " " + o.currency() + " at the rate " + o.rate().toPlainString()
                + " of " + o.rateDate() + (o.rateSource() == null ? "" : ", " + o.rateSource()) + ")";
    }

    /** What one kind of event means in the audit trail. */
    @FunctionalInterface
    public interface Describer<E extends ProjectEvent> {

        /**
         * @param before         the expenditure before a correction or cancellation, else null
         * @param valuePeriodEnd the end of the reporting period an indicator value or progress report is for, if known
         */
        Description describe(E event, Before before, java.time.LocalDate valuePeriodEnd);
    }

    /** The audit line of each kind of event, as each capability names it beside its projection. */
    public static final class Catalogue {

        private final Map<Class<?>, Describer<?>> byType = new HashMap<>();

        public <E extends ProjectEvent> Catalogue on(Class<E> type, Describer<E> describer) {
            if (byType.put(type, describer) != null) {
                throw new IllegalStateException("Two audit descriptions for " + type.getName());
            }
            return this;
        }

        Map<Class<?>, Describer<?>> byType() {
            return Map.copyOf(byType);
        }
    }

    /** Every capability's descriptions, read once: an event finds its own by its type. */
    private static final Map<Class<?>, Describer<?>> DESCRIBERS = catalogue();

    static Map<Class<?>, Describer<?>> catalogue() {
        Catalogue catalogue = new Catalogue();
        SetupProjection.describe(catalogue);
        FinanceProjection.describe(catalogue);
        ResultsProjection.describe(catalogue);
        ProgressProjection.describe(catalogue);
        StaffingProjection.describe(catalogue);
        ReportProjection.describe(catalogue);
        WorkPlanProjection.describe(catalogue);
        ReimbursementProjection.describe(catalogue);
        // personal data: a redaction touches whichever capability's record it names
        catalogue.on(FreeTextRedacted.class, (e, before, valuePeriodEnd) ->
                new Description(null, "Free text of " + e.record() + " redacted (" + String.join(", ", e.fields())
                    + "; its keys destroyed)", e.reason(), switch (e.kind()) {
                        case EXPENDITURE -> List.of();
                        case INDICATOR_VALUE -> List.of(indicator(e.scope()));
                        case PROGRESS -> List.of(subActivity(e.scope()));
                    }));
        return catalogue.byType();
    }

    @SuppressWarnings("unchecked")
    public static Description describe(ProjectEvent event, Before before, java.time.LocalDate valuePeriodEnd) {
        Describer<ProjectEvent> describer = (Describer<ProjectEvent>) DESCRIBERS.get(event.getClass());
        if (describer == null) {
            return new Description(null, event.getClass().getSimpleName(), null, List.of());
        }
        return describer.describe(event, before, valuePeriodEnd);
    }

    public static final String PROGRAMME = "programme";
    public static final String REIMBURSEMENT = "reimbursement";

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

    public static List<String> valueSubjects(String indicatorCode, java.time.LocalDate periodEnd, String... more) {
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
