package io.seire.kernel.personaldata;

import java.util.List;

/**
 * The kinds of record whose free text can be redacted, each with its redactable fields (as the API names them). A
 * record's field is sealed under a data key of its own, the subject {@code <record>/<field>} (ADR 0037).
 */
public enum RedactedRecord {
    EXPENDITURE(List.of("description")),
    INDICATOR_VALUE(List.of("note", "evidence")),
    PROGRESS(List.of("summary", "problems", "measures", "nextSteps"));

    private final List<String> fields;

    RedactedRecord(List<String> fields) {
        this.fields = fields;
    }

    public List<String> fields() {
        return fields;
    }

    /**
     * The record as a personal-data subject: {@code expenditure/<id>}, {@code indicator-value/<indicator>/<id>},
     * {@code progress/<subActivity>/<period>}; {@code scope} is the indicator or the sub-activity (null for an
     * expenditure).
     */
    public String record(String scope, String id) {
        return switch (this) {
            case EXPENDITURE -> "expenditure/" + id;
            case INDICATOR_VALUE -> "indicator-value/" + scope + "/" + id;
            case PROGRESS -> "progress/" + scope + "/" + id;
        };
    }

    /** The subject whose key seals one field of a record. */
    public String subject(String scope, String id, String field) {
        return record(scope, id) + "/" + field;
    }
}
