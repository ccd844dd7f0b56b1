package io.seire.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.seire.kernel.Bounds;
import java.io.IOException;

/**
 * Reads every JSON string of a request as Jackson does, and refuses text that cannot be stored or that is longer
 * than its field may hold ({@link Bounds#textLimit}): the one place where the length of a body's text is checked.
 */
final class StorableStringDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    /** The field the string is read for (a list's field for its items), or null outside any field. */
    private final String field;

    StorableStringDeserializer() {
        this(null);
    }

    private StorableStringDeserializer(String field) {
        super(String.class);
        this.field = field;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        String name = property == null ? null : property.getName();
        return java.util.Objects.equals(name, field) ? this : new StorableStringDeserializer(name);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        String problem = StorableText.problem(value);
        if (problem == null) {
            problem = Bounds.textProblem(field, value);
        }
        if (problem != null) {
            throw new RefusedValue(p, problem, String.class);
        }
        return value;
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public boolean isCachable() {
        return true;
    }
}
