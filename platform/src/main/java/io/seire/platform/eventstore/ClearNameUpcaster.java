package io.seire.platform.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a hire recorded before names were encrypted (StaffHired version 1, the name in the clear) as version 2, its
 * name as {@code {"keyId":null,"ciphertext":null,"legacyClear":<name>}}. The stored bytes are not changed, so the hash
 * chain over them, and every head already kept or signed, still verifies; an erasure shows such a name as
 * {@code [erased]} in every view all the same (ADR 0035).
 */
public class ClearNameUpcaster extends SingleEventUpcaster {

    static final String STAFF_HIRED = "io.seire.kernel.staffing.StaffHired";
    private static final SimpleSerializedType VERSION_1 = new SimpleSerializedType(STAFF_HIRED, "1");
    private static final SimpleSerializedType VERSION_2 = new SimpleSerializedType(STAFF_HIRED, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return VERSION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(VERSION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload.deepCopy();
            JsonNode clear = event.get("name");
            ObjectNode name = JsonNodeFactory.instance.objectNode();
            name.putNull("keyId");
            name.putNull("ciphertext");
            name.set("legacyClear", clear == null ? JsonNodeFactory.instance.nullNode() : clear);
            event.set("name", name);
            return event;
        });
    }
}
