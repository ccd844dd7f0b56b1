package io.seire.query.iati;

import java.time.LocalDate;

/** How Seire's facts map to IATI 2.03 code lists (ADR 0032). */
final class IatiCodes {

    /** TransactionType 4: expenditure. */
    static final String EXPENDITURE = "4";
    /** OrganisationRole 1: funding. */
    static final String FUNDING = "1";
    /** OrganisationRole 4: implementing. */
    static final String IMPLEMENTING = "4";
    /** BudgetType 1 original, 2 revised. */
    static final String ORIGINAL_BUDGET = "1";
    static final String REVISED_BUDGET = "2";
    /** BudgetStatus 2: committed (an approved work plan). */
    static final String COMMITTED = "2";
    /** ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
    static final String PLANNED_START = "1";
    static final String ACTUAL_START = "2";
    static final String PLANNED_END = "3";
    static final String ACTUAL_END = "4";
    /** IndicatorVocabulary 99: the reporting organisation's own codes. */
    static final String OWN_VOCABULARY = "99";

    private IatiCodes() {
    }

    /**
     * ActivityStatus on a date: 4 closed once a final report is approved; before the eligibility period 1
     * (pipeline), within it 2 (implementation), after it 3 (finalisation).
     */
    static String activityStatus(LocalDate on, LocalDate eligibleFrom, LocalDate eligibleTo, boolean finalReportApproved) {
        if (finalReportApproved) {
            return "4";
        }
        if (on.isBefore(eligibleFrom)) {
            return "1";
        }
        return on.isAfter(eligibleTo) ? "3" : "2";
    }

    /** ResultType: an output indicator's result is an output (1), a result indicator's an outcome (2). */
    static String resultType(String kind) {
        return "OUTPUT".equals(kind) ? "1" : "2";
    }

    /** IndicatorMeasure: 1 unit, 2 percentage, 5 qualitative (text). */
    static String measure(String measure) {
        return switch (measure) {
            case "PERCENTAGE" -> "2";
            case "TEXT" -> "5";
            default -> "1";
        };
    }

    static boolean qualitative(String measure) {
        return "TEXT".equals(measure);
    }
}
