package io.seire.platform.web.rules;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Checks a {@code @Valid} request body against its record's field rules as soon as it is read, by the same
 * {@link Violations#check} the console's forms use: one wording and one order of the fields for every refusal, and
 * a refusal before Spring's own binding result, which cannot follow a nested path into a record
 * ({@code original.rate}) without JavaBeans getters.
 */
@ControllerAdvice
public class CheckedBodies extends RequestBodyAdviceAdapter {

    private final Validator validator;

    public CheckedBodies(org.springframework.beans.factory.ObjectProvider<Validator> validators) {
        // Spring Boot's validator (its messages and constraint factory); a context without one checks by the default
        this.validator = validators.getIfAvailable(
                () -> jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator());
    }

    @Override
    public boolean supports(@NonNull MethodParameter parameter, @NonNull Type targetType,
                            @NonNull Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.hasParameterAnnotation(Valid.class);
    }

    @Override
    public @NonNull Object afterBodyRead(@NonNull Object body, @NonNull HttpInputMessage input,
                                         @NonNull MethodParameter parameter, @NonNull Type targetType,
                                         @NonNull Class<? extends HttpMessageConverter<?>> converterType) {
        Violations.check(validator, body);
        return body;
    }
}
