package io.seire.platform.web.rules;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A decimal number written as a JSON string ({@code "1234.56"}, see {@link io.seire.kernel.DecimalText}) within the
 * digits Seire records, and, when {@link #min} or {@link #max} is given, within that range (both inclusive). Absent
 * ({@code null}) is valid: say {@code @NotNull} as well when the field is required.
 */
@Documented
@Constraint(validatedBy = DecimalValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Decimal {

    /** The lowest value allowed, as a decimal; empty for no bound. */
    String min() default "";

    /** The highest value allowed, as a decimal; empty for no bound. */
    String max() default "";

    /** Unused: the validator words each refusal itself, naming the value given. */
    String message() default "is not a decimal number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
