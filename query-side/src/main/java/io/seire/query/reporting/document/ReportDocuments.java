package io.seire.query.reporting.document;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.seire.query.read.Horizon;
import io.seire.query.read.Periods;
import io.seire.query.read.ProjectScope;
import io.seire.query.reporting.ReportComposer;
import io.seire.query.reporting.ReportViews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A submitted report as the documents people hand in: the PDF and the XLSX, in Estonian or English, and the JSON
 * document with the SHA-256 of its PDF. Each renders the report exactly as stored at submission, with the liaison's
 * decision as far as the reader's horizon reaches; nothing is recomposed from today's views.
 */
@Component
public class ReportDocuments {

    /** How many PDF digests are remembered (a digest is the same for the same report, language and decision). */
    private static final int REMEMBERED_DIGESTS = 512;

    private final JdbcClient jdbc;
    private final ReportViews reports;
    private final ReportComposer composer;
    private final ObjectMapper stored = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final Map<String, String> digests = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_DIGESTS;
        }
    };

    public ReportDocuments(JdbcClient jdbc, ReportViews reports, ReportComposer composer) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.composer = composer;
    }

    public byte[] pdf(ProjectScope scope, String reportId, Wording wording) {
        return ReportPdf.render(content(scope, reportId, reports.document(scope, reportId)), wording);
    }

    public byte[] xlsx(ProjectScope scope, String reportId, Wording wording) {
        return ReportWorkbook.render(content(scope, reportId, reports.document(scope, reportId)), wording);
    }

    /** The report's JSON exactly as stored, with {@code documentSha256}: the SHA-256 of its PDF in {@code wording}. */
    public String json(ProjectScope scope, String reportId, Wording wording) {
        String document = reports.document(scope, reportId);
        List<ReportContent.Decision> decisions = decisions(scope, reportId);
        // the stored document's own digest is part of the key: an erasure rewrites it, and the PDF with it
        String key = scope.id() + '\u0000' + reportId + '\u0000' + wording.code() + '\u0000'
                + (decisions.isEmpty() ? -1 : decisions.get(decisions.size() - 1).position()) + '\u0000'
                + sha256(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String digest;
        synchronized (digests) {
            digest = digests.get(key);
        }
        if (digest == null) {
            digest = sha256(ReportPdf.render(content(scope, document, decisions), wording));
            synchronized (digests) {
                digests.put(key, digest);
            }
        }
        int end = document.lastIndexOf('}');
        return document.substring(0, end) + ",\"documentSha256\":\"" + digest + "\"" + document.substring(end);
    }

    ReportContent content(ProjectScope scope, String reportId, String document) {
        return content(scope, document, decisions(scope, reportId));
    }

    private ReportContent content(ProjectScope scope, String document, List<ReportContent.Decision> decisions) {
        ReportComposer.Document report;
        try {
            report = stored.readValue(document, ReportComposer.Document.class);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored report cannot be read", e);
        }
        ReportComposer.Cumulative cumulative = report.cumulative();
        if (cumulative == null) {
            // stored before reports kept their cumulative section: composed from the views at the report's horizon
            cumulative = composer.cumulative(new ProjectScope(scope.project(), new Horizon(report.composedFromPosition())),
                    Periods.required(jdbc, scope.id(), report.period().id()));
        }
        return new ReportContent(report, cumulative, decisions);
    }

    private List<ReportContent.Decision> decisions(ProjectScope scope, String reportId) {
        return jdbc.sql("SELECT decision, comment, recorded_at, actor, position FROM report_decision "
                        + "WHERE project_id = :projectId AND report_id = :reportId AND position <= :maxPosition "
                        + "ORDER BY position")
                .param("projectId", scope.id()).param("reportId", reportId).param("maxPosition", scope.maxPosition())
                .query((rs, i) -> new ReportContent.Decision(rs.getString("decision"), rs.getString("comment"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"), rs.getLong("position")))
                .list();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
