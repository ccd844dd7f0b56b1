package io.seire.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Reads a request's dates strictly: a JSON string {@code YYYY-MM-DD} of a day that exists, within the years Seire
 * records. Jackson's own reader would also take an instant, a date-time or an array of numbers on some fields.
 */
final class BoundedDateDeserializer extends StdScalarDeserializer<LocalDate> {

    BoundedDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new RefusedValue(p, "must be a date written as a JSON string YYYY-MM-DD, such as \"2024-12-31\"",
                    LocalDate.class);
        }
        try {
            return StrictDates.parse(p.getText());
        } catch (StrictDates.NotADate e) {
            throw new RefusedValue(p, e.getMessage(), LocalDate.class);
        }
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.DateTime;
    }
}
