package io.seire.query.iati;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who publishes Seire's IATI documents: the reporting organisation's IATI identifier ({@code ref}, which also
 * prefixes every activity identifier), its name, its IATI organisation type, and the language the projects' texts
 * are written in.
 */
@Component
public class IatiSettings {

    private final String reportingOrgRef;
    private final String reportingOrgName;
    private final String reportingOrgType;
    private final String language;

    public IatiSettings(@Value("${seire.iati.reporting-org-ref:SEIRE}") String reportingOrgRef,
                        @Value("${seire.iati.reporting-org-name:Seire}") String reportingOrgName,
                        @Value("${seire.iati.reporting-org-type:10}") String reportingOrgType,
                        @Value("${seire.iati.language:et}") String language) {
        this.reportingOrgRef = orDefault(reportingOrgRef, "SEIRE");
        this.reportingOrgName = orDefault(reportingOrgName, "Seire");
        this.reportingOrgType = orDefault(reportingOrgType, "10");
        this.language = language == null || language.isBlank() ? null : language.strip();
    }

    public String reportingOrgRef() {
        return reportingOrgRef;
    }

    public String reportingOrgName() {
        return reportingOrgName;
    }

    public String reportingOrgType() {
        return reportingOrgType;
    }

    /** The default language of the activities' narratives ({@code xml:lang}); null when not declared. */
    public String language() {
        return language;
    }

    /** The activity identifier of a project: {@code <reporting-org ref>-<project id>}. */
    public String activityId(String projectId) {
        return reportingOrgRef + "-" + projectId;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
