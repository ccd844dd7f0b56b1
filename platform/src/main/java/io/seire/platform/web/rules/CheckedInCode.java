package io.seire.platform.web.rules;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The constraint of every {@link RulesInCode} record (inherited from the interface): runs its check. */
@Documented
@Constraint(validatedBy = CheckedInCode.Validator.class)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CheckedInCode {

    String message() default "breaks a rule of the request";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CheckedInCode, RulesInCode> {

        @Override
        public boolean isValid(RulesInCode request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            boolean[] valid = {true};
            request.check((field, message) -> {
                valid[0] = false;
                Violations.refuse(context, field, message);
            });
            return valid[0];
        }
    }
}
