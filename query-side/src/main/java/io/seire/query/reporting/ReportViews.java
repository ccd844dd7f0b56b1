package io.seire.query.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.kernel.RuleViolation;
import io.seire.query.audit.AuditDescriptions;
import io.seire.query.read.ProjectScope;
import io.seire.query.workplans.WorkPlanProjection;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** Submitted reports: the list, each document exactly as submitted, and what differs in it now. */
@Component
public class ReportViews {

    public record Decision(String decision, String comment, Instant recordedAt, String actor) {
    }

    public record Summary(String id, String period, String kind, String status, Instant submittedAt,
                          String submittedBy, long composedFromPosition, String chainHead, List<Decision> decisions) {
    }

    public record ChangingEvent(long position, Instant recordedAt, String actor, String type, String summary,
                                String reason) {
    }

    public record Change(String figure, String submitted, String now, List<ChangingEvent> events) {
    }

    public record Changes(String report, String period, long composedFromPosition, List<Change> changes) {
    }

    /** The sections of a report that are figures; the rest says who submitted what. */
    static final List<String> SECTIONS = List.of("projectData", "activityProgress", "staffing", "resultsFramework",
            "budgetExecution");

    private record Stored(String periodId, String kind, long composedFrom, String chainHead, Instant submittedAt,
                          String submittedBy, String document, String status) {
    }

    private final JdbcClient jdbc;
    private final ReportComposer composer;
    private final ObjectMapper json;

    public ReportViews(JdbcClient jdbc, ReportComposer composer, ObjectMapper json) {
        this.jdbc = jdbc;
        this.composer = composer;
        this.json = json;
    }

    public List<Summary> list(ProjectScope scope) {
        Map<String, List<Decision>> decisions = new HashMap<>();
        jdbc.sql("SELECT report_id, decision, comment, recorded_at, actor FROM report_decision "
                        + "WHERE project_id = :projectId AND position <= :maxPosition ORDER BY position")
                .param("projectId", scope.id()).param("maxPosition", scope.maxPosition())
                .query(rs -> {
                    decisions.computeIfAbsent(rs.getString("report_id"), k -> new ArrayList<>()).add(new Decision(
                            rs.getString("decision"), rs.getString("comment"), rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("actor")));
                });
        return jdbc.sql("SELECT report_id, period_id, kind, status, submitted_at, submitted_by, composed_from_position, "
                        + "chain_head FROM report WHERE project_id = :projectId AND position <= :maxPosition ORDER BY position")
                .param("projectId", scope.id()).param("maxPosition", scope.maxPosition())
                .query((rs, i) -> {
                    List<Decision> made = decisions.getOrDefault(rs.getString("report_id"), List.of());
                    String status = made.isEmpty() ? "SUBMITTED" : made.get(made.size() - 1).decision();
                    return new Summary(rs.getString("report_id"), rs.getString("period_id"), rs.getString("kind"), status,
                            rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"),
                            rs.getLong("composed_from_position"), rs.getString("chain_head"), made);
                }).list();
    }

    /** The document exactly as it was stored at submission. */
    public String document(ProjectScope scope, String reportId) {
        return stored(scope, reportId).document();
    }

    public Changes changes(ProjectScope scope, String reportId) {
        Stored stored = stored(scope, reportId);
        ReportComposer.Document now = composer.compose(scope.id(), new ReportComposer.Submission(reportId,
                stored.periodId(), stored.kind(), null, stored.submittedAt(), stored.submittedBy(), stored.chainHead()),
                stored.composedFrom(), scope.horizon());
        JsonNode before;
        try {
            before = json.readTree(stored.document());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        JsonNode after = withoutFieldsAbsentFrom(json.valueToTree(now), before);
        Map<String, String> was = new LinkedHashMap<>();
        Map<String, String> is = new LinkedHashMap<>();
        for (String section : SECTIONS) {
            flatten(section, before.path(section), was);
            flatten(section, after.path(section), is);
        }
        Set<String> figures = new LinkedHashSet<>(was.keySet());
        figures.addAll(is.keySet());
        Lines lines = new Lines(after.path("projectData").path("budgetLines"));
        String periodEnd = periodEnd(scope, stored.periodId());
        List<Change> changes = new ArrayList<>();
        for (String figure : figures) {
            String submitted = was.get(figure);
            String current = is.get(figure);
            if (!Objects.equals(submitted, current)) {
                Set<String> subjects = subjects(figure, lines);
                if (figure.startsWith("budgetExecution.") && (figure.endsWith(".yearPlanned")
                        || figure.endsWith(".yearExecutionPercent"))) {
                    // the year's plan: approved work plans of the year the period ends in
                    subjects.add(WorkPlanProjection.subject(Integer.parseInt(periodEnd.substring(0, 4))));
                }
                changes.add(new Change(figure, submitted, current, events(scope, stored.composedFrom(), subjects,
                        periodEnd)));
            }
        }
        return new Changes(reportId, stored.periodId(), stored.composedFrom(), changes);
    }

    private Stored stored(ProjectScope scope, String reportId) {
        return jdbc.sql("SELECT period_id, kind, composed_from_position, chain_head, submitted_at, submitted_by, "
                        + "document, status FROM report WHERE project_id = :projectId AND report_id = :reportId "
                        + "AND position <= :maxPosition")
                .param("projectId", scope.id()).param("reportId", reportId).param("maxPosition", scope.maxPosition())
                .query((rs, i) -> new Stored(rs.getString("period_id"), rs.getString("kind"), rs.getLong("composed_from_position"),
                        rs.getString("chain_head"), rs.getTimestamp("submitted_at").toInstant(),
                        rs.getString("submitted_by"), rs.getString("document"), rs.getString("status")))
                .optional()
                .orElseThrow(() -> RuleViolation.notFound("report-exists",
                        "The project has no report '" + reportId + "'."));
    }

    /**
     * The events after the report's horizon that touch the figure's subjects on a business date up to the period's
     * end (an event without a business date, such as a new budget line, may touch any period).
     */
    private List<ChangingEvent> events(ProjectScope scope, long after, Set<String> subjects, String periodEnd) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT position, recorded_at, actor, type, summary, reason FROM audit_entry "
                        + "WHERE project_id = :projectId AND position > :after AND position <= :maxPosition "
                        + "AND subjects && :subjects "
                        + "AND (NOT EXISTS (SELECT 1 FROM unnest(subjects) s WHERE s LIKE 'date:%') "
                        + "OR EXISTS (SELECT 1 FROM unnest(subjects) s WHERE s LIKE 'date:%' AND substring(s from 6) <= :periodEnd)) "
                        + "ORDER BY position")
                .param("projectId", scope.id()).param("after", after).param("maxPosition", scope.maxPosition())
                .param("subjects", new SqlArrayValue("text", subjects.toArray())).param("periodEnd", periodEnd)
                .query((rs, i) -> new ChangingEvent(rs.getLong("position"), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("actor"), rs.getString("type"), rs.getString("summary"), rs.getString("reason")))
                .list();
    }

    private String periodEnd(ProjectScope scope, String periodId) {
        return jdbc.sql("SELECT date_to::text FROM reporting_period WHERE project_id = :projectId AND period_id = :periodId")
                .param("projectId", scope.id()).param("periodId", periodId)
                .query(String.class).single();
    }

    /** Which audit subjects can change a figure. */
    static Set<String> subjects(String figure, Lines lines) {
        Set<String> subjects = new TreeSet<>();
        if (figure.startsWith("budgetExecution.lines[")) {
            lines.affecting(key(figure, "budgetExecution.lines[")).forEach(l -> subjects.add(AuditDescriptions.line(l)));
        } else if (figure.startsWith("budgetExecution.subActivities[")) {
            String sub = key(figure, "budgetExecution.subActivities[");
            lines.where(l -> sub.equals(l.path("subActivity").asText()))
                    .forEach(l -> lines.affecting(l).forEach(a -> subjects.add(AuditDescriptions.line(a))));
        } else if (figure.startsWith("budgetExecution.costCategories[")) {
            String category = key(figure, "budgetExecution.costCategories[");
            lines.where(l -> category.equals(l.path("costCategory").asText()))
                    .forEach(l -> lines.affecting(l).forEach(a -> subjects.add(AuditDescriptions.line(a))));
        } else if (figure.startsWith("budgetExecution.")) {
            lines.where(l -> true).forEach(l -> subjects.add(AuditDescriptions.line(l)));
        } else if (figure.startsWith("resultsFramework[")) {
            subjects.add(AuditDescriptions.indicator(key(figure, "resultsFramework[")));
        } else if (figure.startsWith("activityProgress.subActivities[")) {
            subjects.add(AuditDescriptions.subActivity(key(figure, "activityProgress.subActivities[")));
        } else if (figure.startsWith("staffing.")) {
            subjects.add(AuditDescriptions.STAFFING);
        } else if (figure.startsWith("projectData.budgetLines[")) {
            subjects.add(AuditDescriptions.line(key(figure, "projectData.budgetLines[")));
        } else if (figure.startsWith("projectData.indicators[")) {
            subjects.add(AuditDescriptions.indicator(key(figure, "projectData.indicators[")));
        } else if (figure.startsWith("projectData.")) {
            subjects.add(AuditDescriptions.PROJECT);
            lines.where(l -> true).forEach(l -> subjects.add(AuditDescriptions.line(l)));
        }
        return subjects;
    }

    private static String key(String figure, String prefix) {
        return figure.substring(prefix.length(), figure.indexOf(']', prefix.length()));
    }

    /** The budget lines of the report, to know which lines a flat-rate figure depends on. */
    static final class Lines {
        private final Map<String, JsonNode> byCode = new LinkedHashMap<>();

        Lines(JsonNode budgetLines) {
            budgetLines.forEach(l -> byCode.put(l.path("code").asText(), l));
        }

        List<String> where(java.util.function.Predicate<JsonNode> test) {
            return byCode.entrySet().stream().filter(e -> test.test(e.getValue())).map(Map.Entry::getKey).toList();
        }

        /** A line's own code, and for a flat rate the lines of its base category. */
        List<String> affecting(String code) {
            JsonNode line = byCode.get(code);
            List<String> codes = new ArrayList<>(List.of(code));
            if (line != null && line.has("flatRate")) {
                String base = line.path("flatRate").path("ofCostCategory").asText();
                codes.addAll(where(l -> base.equals(l.path("costCategory").asText()) && !l.has("flatRate")));
            }
            return codes;
        }
    }

    /**
     * The tree {@code now} without the object fields that {@code stored} lacks where it has the same object: a document
     * stored before a field was added to the views (partners, indicator values) did not show it, and its absence is
     * not a change of a figure. Lists are matched element by element through their keys.
     */
    static JsonNode withoutFieldsAbsentFrom(JsonNode now, JsonNode stored) {
        if (now.isObject() && stored.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode pruned = ((com.fasterxml.jackson.databind.node.ObjectNode) now).deepCopy();
            List<String> names = new ArrayList<>();
            pruned.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!stored.has(name)) {
                    pruned.remove(name);
                } else {
                    pruned.set(name, withoutFieldsAbsentFrom(pruned.get(name), stored.get(name)));
                }
            }
            return pruned;
        }
        if (now.isArray() && stored.isArray()) {
            Map<String, JsonNode> storedByKey = new HashMap<>();
            for (int i = 0; i < stored.size(); i++) {
                storedByKey.put(keyOf(stored.get(i), i), stored.get(i));
            }
            com.fasterxml.jackson.databind.node.ArrayNode pruned = ((com.fasterxml.jackson.databind.node.ArrayNode) now).deepCopy();
            for (int i = 0; i < pruned.size(); i++) {
                JsonNode counterpart = storedByKey.get(keyOf(pruned.get(i), i));
                if (counterpart != null) {
                    pruned.set(i, withoutFieldsAbsentFrom(pruned.get(i), counterpart));
                }
            }
            return pruned;
        }
        return now;
    }

    /** Flattens a JSON tree to figure paths; lists of keyed objects are addressed by key, e.g. lines[AT6-STAFF]. */
    static void flatten(String path, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                flatten(path + "[" + keyOf(element, i) + "]", element, out);
            }
        } else if (!node.isMissingNode()) {
            out.put(path, node.isNull() ? null : node.asText());
        }
    }

    private static String keyOf(JsonNode element, int index) {
        if (element.isObject() && element.has("date") && element.has("type")) {
            return element.path("date").asText() + " " + element.path("type").asText() + " "
                    + element.path("position").asText() + (element.has("staffId") ? " " + element.path("staffId").asText() : "");
        }
        for (String key : List.of("code", "subActivity", "costCategory", "id")) {
            if (element.isObject() && element.path(key).isTextual()) {
                return element.path(key).asText();
            }
        }
        return String.valueOf(index);
    }
}
