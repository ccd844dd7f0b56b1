package io.seire.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.seire.kernel.Bounds;
import java.io.IOException;
import java.time.LocalDate;

/** Reads a request's dates as Jackson does (impossible ones refused), within the years Seire records. */
final class BoundedDateDeserializer extends StdDeserializer<LocalDate> implements ContextualDeserializer {

    private final JsonDeserializer<?> delegate;

    BoundedDateDeserializer() {
        this(LocalDateDeserializer.INSTANCE);
    }

    private BoundedDateDeserializer(JsonDeserializer<?> delegate) {
        super(LocalDate.class);
        this.delegate = delegate;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        return delegate instanceof ContextualDeserializer contextual
                ? new BoundedDateDeserializer(contextual.createContextual(ctxt, property)) : this;
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        LocalDate date = (LocalDate) delegate.deserialize(p, ctxt);
        String problem = Bounds.dateProblem(date);
        if (problem != null) {
            throw new RefusedValue(p, "'" + date + "' " + problem, LocalDate.class);
        }
        return date;
    }
}
