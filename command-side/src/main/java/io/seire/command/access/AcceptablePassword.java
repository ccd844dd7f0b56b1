package io.seire.command.access;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A new password Seire accepts ({@link Passwords#problem}); absent is valid (say {@code @NotBlank} as well). */
@Documented
@Constraint(validatedBy = AcceptablePassword.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AcceptablePassword {

    /** Unused: the refusal says what is wrong with the password ({@link Passwords#problem}). */
    String message() default "is not an acceptable password";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AcceptablePassword, String> {

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            String problem = Passwords.problem(password);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // the wording is Seire's own and names no part of the password
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
