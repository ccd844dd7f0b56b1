package io.seire.query.staffing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seire.platform.personaldata.PersonalData;
import java.util.Iterator;
import java.util.Map;

/**
 * Erases a staff member's name from a stored JSON document (a submitted report keeps the staffing as it stood): every
 * object that names the staff member by {@code staffId} has its {@code name} replaced by {@code [erased]}; the rest
 * of the document, its order and its figures, stays exactly as stored.
 */
public final class ErasedNames {

    private ErasedNames() {
    }

    /** The document with the staff member's name erased, or null when it does not name them. */
    public static String inDocument(ObjectMapper json, String document, String staffId) {
        try {
            JsonNode tree = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(document);
            if (!erase(tree, staffId)) {
                return null;
            }
            return json.writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored document is not JSON", e);
        }
    }

    private static boolean erase(JsonNode node, String staffId) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            JsonNode id = object.get("staffId");
            JsonNode name = object.get("name");
            if (id != null && staffId.equals(id.asText()) && name != null && !name.isNull()
                    && !PersonalData.ERASED.equals(name.asText())) {
                object.put("name", PersonalData.ERASED);
                changed = true;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                changed |= erase(it.next().getValue(), staffId);
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                changed |= erase(item, staffId);
            }
        }
        return changed;
    }
}
