package io.seire.platform.web.rules;

import io.seire.platform.web.FieldError;
import io.seire.platform.web.InvalidRequest;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderCustomizableContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderDefinedContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation's findings as the API's 400 answer: one {@link FieldError} per broken rule, the field named by its
 * path in the body ({@code reportingPeriods[0].from}), in the order the request record declares its fields.
 */
public final class Violations {

    public static final String REQUIRED = "is required";

    private Violations() {
    }

    /** Checks a request record (the console's forms call the API's controllers directly, without Spring MVC). */
    public static void check(Validator validator, Object request) {
        if (request == null) {
            return;
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw invalid(request.getClass(), violations);
        }
    }

    /** The refusal that names every violated field, in the order the record of {@code root} declares them. */
    public static InvalidRequest invalid(Class<?> root, Collection<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = new ArrayList<>();
        violations.stream()
                .map(v -> FieldError.of(field(v), v.getMessage()))
                .sorted(Comparator.comparing((FieldError e) -> order(root, e.field()), Violations::compare))
                .forEach(errors::add);
        return new InvalidRequest(errors);
    }

    /** Refuses the value being validated with a message worded by the validator (never read as a template). */
    static void refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(message)).addConstraintViolation();
    }

    /**
     * Refuses a field of the record being validated, named by its path below the record ({@code milestones[2].value}),
     * as property nodes of the violation (Bean Validation's own API, so the path reads as for any other constraint).
     */
    static void refuse(ConstraintValidatorContext context, String field, String message) {
        context.disableDefaultConstraintViolation();
        ConstraintViolationBuilder builder = context.buildConstraintViolationWithTemplate(literal(message));
        NodeBuilderCustomizableContext open = null;
        NodeBuilderDefinedContext defined = null;
        Integer index = null;
        for (String step : field.split("\\.")) {
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            NodeBuilderCustomizableContext node = open != null ? open.addPropertyNode(name)
                    : defined != null ? defined.addPropertyNode(name) : builder.addPropertyNode(name);
            if (index != null) {
                // the index of a list item belongs to the node below the list
                defined = node.inIterable().atIndex(index);
                open = null;
            } else {
                open = node;
                defined = null;
            }
            index = bracket < 0 ? null : Integer.valueOf(step.substring(bracket + 1, step.indexOf(']', bracket)));
        }
        if (index != null) {
            (open != null ? open.addBeanNode() : defined.addBeanNode()).inIterable().atIndex(index)
                    .addConstraintViolation();
        } else if (open != null) {
            open.addConstraintViolation();
        } else if (defined != null) {
            defined.addConstraintViolation();
        } else {
            builder.addConstraintViolation();
        }
    }

    static String field(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    /**
     * Where the field stands in the request: per step of its path the index of the record component (then of the
     * list element), so errors come in the order of the body's fields.
     */
    static List<Integer> order(Class<?> root, String field) {
        List<Integer> order = new ArrayList<>();
        if (field == null) {
            return order;
        }
        Type type = root;
        for (String step : field.split("\\.")) {
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            Class<?> cls = raw(type);
            int index = Integer.MAX_VALUE;
            Type next = Object.class;
            RecordComponent[] components = cls == null ? null : cls.getRecordComponents();
            for (int i = 0; components != null && i < components.length; i++) {
                if (components[i].getName().equals(name)) {
                    index = i;
                    next = components[i].getGenericType();
                }
            }
            order.add(index);
            if (bracket >= 0) {
                String at = step.substring(bracket + 1, step.indexOf(']', bracket));
                order.add(at.chars().allMatch(Character::isDigit) && !at.isEmpty() ? Integer.parseInt(at) : 0);
                next = next instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            }
            type = next;
        }
        return order;
    }

    private static Class<?> raw(Type type) {
        return type instanceof Class<?> c ? c : type instanceof ParameterizedType p ? raw(p.getRawType()) : null;
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** A message as a template that interpolates nothing: a value the client sent may hold braces or dollars. */
    static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
