package io.seire.platform.web.rules;

/**
 * A request record with field rules no annotation says (a field required unless another is given, one of two
 * fields, a list without nulls named as a whole): it states them in {@link #check}, beside the annotations of its
 * fields, and Bean Validation runs both together.
 */
@CheckedInCode
public interface RulesInCode {

    /** Names every field that breaks one of these rules. */
    void check(Refusals refusals);

    /** Where those rules say what is wrong. */
    interface Refusals {

        /** The field (a path such as {@code milestones[0].value}) is wrong, and why. */
        void refuse(String field, String message);

        /** Refuses the field with "is required" when the value is absent or blank. */
        default void required(String field, Object value) {
            if (value == null || (value instanceof String s && s.isBlank())) {
                refuse(field, Violations.REQUIRED);
            }
        }
    }
}
