package io.seire.query.reporting;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seire.kernel.personaldata.FreeTextRedacted;
import io.seire.kernel.personaldata.RedactedRecord;
import io.seire.platform.personaldata.PersonalData;
import java.util.Iterator;
import java.util.Map;

/**
 * Redacts a record's free text in a stored report document (ADR 0037), exactly where the document composed from the
 * redacted views would show {@code [redacted]}: a progress narrative in every section listing the sub-activities of
 * that period (with its earlier versions), an indicator value's note or evidence in that indicator's values. Nothing
 * else of the document, its order or its figures, changes.
 */
public final class RedactedTexts {

    private RedactedTexts() {
    }

    /** The document with the text redacted, or null when it does not hold it. */
    public static String inDocument(ObjectMapper json, String document, FreeTextRedacted e) {
        try {
            JsonNode tree = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(document);
            if (!walk(tree, e)) {
                return null;
            }
            return json.writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsString(tree);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("A stored document is not JSON", x);
        }
    }

    private static boolean walk(JsonNode node, FreeTextRedacted e) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            if (e.kind() == RedactedRecord.PROGRESS && e.recordId().equals(object.path("period").asText(null))) {
                for (JsonNode item : object.path("subActivities")) {
                    if (e.scope().equals(item.path("subActivity").asText(null))) {
                        changed |= redact(item, e);
                        for (JsonNode version : item.path("earlierVersions")) {
                            changed |= redact(version, e);
                        }
                    }
                }
            }
            if (e.kind() == RedactedRecord.INDICATOR_VALUE && e.scope().equals(object.path("code").asText(null))) {
                for (JsonNode value : object.path("values")) {
                    if (e.recordId().equals(value.path("id").asText(null))) {
                        changed |= redact(value, e);
                    }
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                changed |= walk(it.next().getValue(), e);
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                changed |= walk(item, e);
            }
        }
        return changed;
    }

    private static boolean redact(JsonNode node, FreeTextRedacted e) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (String field : e.fields()) {
                JsonNode text = object.get(field);
                if (text != null && text.isTextual() && !PersonalData.REDACTED.equals(text.asText())) {
                    object.put(field, PersonalData.REDACTED);
                    changed = true;
                }
            }
        }
        return changed;
    }
}
