package io.seire.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads an event recorded before its free text was sealed (version 1, the text in the clear) as version 2, each
 * text field as {@code {"keyId":null,"ciphertext":null,"legacyClear":<text>}} (a field that was null stays null). The
 * stored bytes are not changed, so the hash chain over them still verifies; a redaction shows such a text as
 * {@code [redacted]} in every view all the same (ADR 0037, as {@link ClearNameUpcaster} does for names).
 */
public class ClearTextUpcaster extends SingleEventUpcaster {

    /** The events whose free text is sealed since version 2, with their text fields. */
    public static List<ClearTextUpcaster> all() {
        return List.of(
                new ClearTextUpcaster("io.seire.kernel.finance.ExpenditureRecorded", "description"),
                new ClearTextUpcaster("io.seire.kernel.finance.ExpenditureCorrected", "description"),
                new ClearTextUpcaster("io.seire.kernel.results.IndicatorValueRecorded", "note", "evidence"),
                new ClearTextUpcaster("io.seire.kernel.progress.ActivityProgressReported", "summary", "problems",
                        "measures", "nextSteps"));
    }

    private final SimpleSerializedType version1;
    private final SimpleSerializedType version2;
    private final List<String> fields;

    public ClearTextUpcaster(String type, String... fields) {
        this.version1 = new SimpleSerializedType(type, "1");
        this.version2 = new SimpleSerializedType(type, "2");
        this.fields = List.of(fields);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return version1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(version2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload.deepCopy();
            for (String field : fields) {
                JsonNode clear = event.get(field);
                if (clear == null || clear.isNull()) {
                    event.putNull(field);
                    continue;
                }
                ObjectNode text = JsonNodeFactory.instance.objectNode();
                text.putNull("keyId");
                text.putNull("ciphertext");
                text.set("legacyClear", clear);
                event.set(field, text);
            }
            return event;
        });
    }
}
