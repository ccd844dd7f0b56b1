package io.seire.platform.web;

import io.seire.kernel.DecimalText;
import io.seire.platform.web.rules.Decimal;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Completes the OpenAPI document where annotations cannot: every operation lists the RFC 9457 problem answers it
 * can give (the {@code Problem} schema, with the {@code errors} that name each field), and files (CSV, XLSX, PDF,
 * XML, NDJSON) are described as binary strings rather than as the Java type that streams them.
 */
public class ApiDocument implements GlobalOpenApiCustomizer {

    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "ProblemFieldError";
    static final String PROBLEM_JSON = "application/problem+json";

    /** The problem answers every operation can give, by status. */
    private static final Map<String, String> EVERY_OPERATION = ordered(
            "400", "The request is not valid: a malformed body or parameter; errors name each field",
            "401", "Not signed in (HTTP Basic or a bearer token)",
            "403", "The caller's role may not do this",
            "404", "Nothing at this address, or a project or programme the caller may not see");
    /** Those writes can give besides. */
    private static final Map<String, String> WRITES = ordered(
            "409", "Conflicts with what is recorded (a locked period, a duplicate, a second value where a correction "
                    + "is needed); nothing was recorded",
            "413", "The body is larger than allowed",
            "422", "Breaks a rule of the project or programme, or names something it does not have; nothing was "
                    + "recorded");
    /** And those reads. */
    private static final Map<String, String> READS = ordered(
            "503", "minPosition is not reached yet, or every export slot is in use: retry after Retry-After seconds");

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().remove("StreamingResponseBody");
        }
        api.getComponents().addSchemas(FIELD_ERROR, fieldError()).addSchemas(PROBLEM, problem());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses();
            responses.values().forEach(ApiDocument::filesAsBinary);
            addProblems(responses, EVERY_OPERATION);
            addProblems(responses, method == PathItem.HttpMethod.GET ? READS : WRITES);
        }));
    }

    /** A property that carries {@link Decimal}: a string of the form {@link DecimalText#PATTERN}, in its range. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Schema decimals(Schema property, io.swagger.v3.core.converter.AnnotatedType type) {
        if (type == null || type.getCtxAnnotations() == null) {
            return property;
        }
        for (java.lang.annotation.Annotation annotation : type.getCtxAnnotations()) {
            if (annotation instanceof Decimal decimal && "string".equals(property.getType())) {
                property.setPattern(DecimalText.PATTERN);
                if (property.getExample() == null) {
                    property.setExample(decimal.max().isEmpty() ? "1234.56" : decimal.max());
                }
                String range = decimal.min().isEmpty() && decimal.max().isEmpty() ? ""
                        : decimal.max().isEmpty() ? ", at least " + decimal.min()
                        : decimal.min().isEmpty() ? ", at most " + decimal.max()
                        : ", from " + decimal.min() + " to " + decimal.max();
                property.setDescription("A decimal number as a string" + range);
            }
        }
        return property;
    }

    private static void filesAsBinary(ApiResponse response) {
        if (response.getContent() == null) {
            return;
        }
        response.getContent().forEach((type, media) -> {
            if (!type.equals("application/json") && !type.endsWith("+json")) {
                media.setSchema(new BinarySchema());
            }
        });
    }

    private static void addProblems(ApiResponses responses, Map<String, String> problems) {
        problems.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                        .addMediaType(PROBLEM_JSON, new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
    }

    @SuppressWarnings("rawtypes")
    private static Schema problem() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: why the request was refused, in words a finance clerk understands")
                .addProperty("type", new StringSchema().example("/problems/invalid-request")
                        .description("The refusal's kind, e.g. /problems/invalid-request or the rule's name"))
                .addProperty("title", new StringSchema().example("The request is not valid"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("amount: is required"))
                .addProperty("instance", new StringSchema().example("/api/v1/projects/P-1/expenditures"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                        .description("Every field (or file row and column) that is wrong, with why"))
                .required(List.of("type", "title", "status", "detail", "errors"));
    }

    @SuppressWarnings("rawtypes")
    private static Schema fieldError() {
        return new ObjectSchema()
                .description("One thing wrong with a request: a body field, a parameter or header, or a row and "
                        + "column of an imported file")
                .addProperty("field", new StringSchema().example("reportingPeriods[0].from"))
                .addProperty("row", new IntegerSchema().description("the line of the file; the header is line 1"))
                .addProperty("column", new StringSchema())
                .addProperty("message", new StringSchema().example("is required"))
                .required(List.of("message"));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
