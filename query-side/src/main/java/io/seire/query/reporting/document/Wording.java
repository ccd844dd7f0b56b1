package io.seire.query.reporting.document;

import io.seire.platform.web.InvalidRequest;
import io.seire.query.export.Formats;
import io.seire.query.export.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of a report document in one language, and its number and date formats (those of every PDF Seire writes,
 * {@link Formats}): Estonian as the contract's forms write it ({@code dd.mm.yyyy}, a decimal comma, a space between
 * thousands) or English (ISO dates, a decimal point).
 */
public enum Wording {
    ET("et", Language.ET, "Ei kohaldu"),
    EN("en", Language.EN, "Not applicable");

    private final String code;
    private final Language language;
    private final Formats formats;
    private final String notApplicable;

    Wording(String code, Language language, String notApplicable) {
        this.code = code;
        this.language = language;
        this.formats = Formats.of(language);
        this.notApplicable = notApplicable;
    }

    /** The same language as the views' tables and documents know it. */
    public Language language() {
        return language;
    }

    /** {@code lang=et|en} when given, else the first of them in {@code Accept-Language}, else English. */
    public static Wording of(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            for (Wording w : values()) {
                if (w.code.equalsIgnoreCase(lang.trim())) {
                    return w;
                }
            }
            throw InvalidRequest.of("lang", "must be et or en");
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String language = range.getRange().split("-")[0];
                    for (Wording w : values()) {
                        if (w.code.equalsIgnoreCase(language)) {
                            return w;
                        }
                    }
                }
            } catch (IllegalArgumentException unreadable) {
                return EN; // an Accept-Language nobody can read chooses nothing
            }
        }
        return EN;
    }

    public String code() {
        return code;
    }

    public String notApplicable() {
        return notApplicable;
    }

    public String text(String key) {
        String text = (this == ET ? Labels.ET : Labels.EN).get(key);
        if (text == null) {
            throw new IllegalArgumentException("No " + code + " wording for '" + key + "'");
        }
        return text;
    }

    /** The wording of a code (a status, a kind, a staffing change), or the code itself when it has none. */
    public String term(String prefix, String code) {
        if (code == null) {
            return "";
        }
        String text = (this == ET ? Labels.ET : Labels.EN).get(prefix + "." + code);
        return text == null ? code : text;
    }

    public String date(LocalDate date) {
        return formats.date(date);
    }

    /** A date range, e.g. {@code 01.06.2024–31.12.2025}. */
    public String range(LocalDate from, LocalDate to) {
        return formats.range(from, to);
    }

    /** Money with two decimals and thousands apart, e.g. {@code 120 000,00} or {@code 120,000.00}; "" for none. */
    public String money(String amount) {
        return formats.money(amount);
    }

    /** An indicator number as recorded (no trailing zeros added), e.g. {@code 12,5}; "" for none. */
    public String number(String value) {
        return formats.number(value);
    }

    /** A percentage, e.g. {@code 33,33 %}; "" for none. */
    public String percent(String value) {
        return formats.percent(value);
    }

    /** The label table of each language; both hold the same keys (a test checks). */
    static final class Labels {
        static final Map<String, String> ET = Map.ofEntries(
                Map.entry("title", "Seirearuanne"),
                Map.entry("kind", "Aruande liik"),
                Map.entry("kind.INTERIM", "Vahearuanne"),
                Map.entry("kind.FINAL", "Lõpparuanne"),
                Map.entry("h.name", "1. Projekti nimi"),
                Map.entry("h.code", "2. Projekti tunnusnumber"),
                Map.entry("h.beneficiary", "3. Toetuse saaja nimi"),
                Map.entry("h.partners", "4. Partnerite nimed"),
                Map.entry("h.eligibility", "5. Projekti abikõlblikkuse periood"),
                Map.entry("h.reportingPeriod", "6. Aruandeperiood (kumulatiivselt)"),
                Map.entry("h.contract", "Halduslepingu number"),
                Map.entry("h.programme", "Programm"),
                Map.entry("h.report", "Aruanne"),
                Map.entry("h.period", "Periood, mille kohta aruanne esitatakse"),
                Map.entry("none", "—"),
                Map.entry("s.progress", "7. Ülevaade tegevuse elluviimisest (kumulatiivselt)"),
                Map.entry("s.progressIntro", "Tegevused, elluviimise periood, lühiülevaade ja hinnang tegevuste elluviimise kohta"),
                Map.entry("subActivity", "Alategevus"),
                Map.entry("narrativeIntro", "Alategevuse lühiülevaade ja hinnang tegevuse elluviimisele, sh esinenud probleemid ja ettevõetud abinõud."),
                Map.entry("noNarrative", "Alategevuse kohta ei ole ülevaadet esitatud."),
                Map.entry("period", "Periood"),
                Map.entry("status", "Seis"),
                Map.entry("problems", "Esinenud probleemid"),
                Map.entry("measures", "Ettevõetud abinõud"),
                Map.entry("nextSteps", "Järgmised sammud"),
                Map.entry("progress.NOT_STARTED", "alustamata"),
                Map.entry("progress.ON_TRACK", "kulgeb plaanipäraselt"),
                Map.entry("progress.DELAYED", "hilineb"),
                Map.entry("progress.AT_RISK", "ohus"),
                Map.entry("progress.COMPLETED", "lõpetatud"),
                Map.entry("s.staffing", "Personal"),
                Map.entry("staffingChanges", "Personali muudatused (kumulatiivselt)"),
                Map.entry("noStaffingChanges", "Personali muudatusi ei olnud."),
                Map.entry("positionsOn", "Ametikohad seisuga"),
                Map.entry("noPositions", "Ametikohti ei ole."),
                Map.entry("c.date", "Kuupäev"),
                Map.entry("c.change", "Muudatus"),
                Map.entry("c.position", "Ametikoht"),
                Map.entry("c.person", "Töötaja"),
                Map.entry("c.workload", "Koormus"),
                Map.entry("c.reason", "Põhjus"),
                Map.entry("c.subActivities", "Alategevused"),
                Map.entry("c.since", "Alates"),
                Map.entry("c.fte", "Täistööajale taandatud"),
                Map.entry("vacant", "täitmata"),
                Map.entry("totalFte", "Kokku täistööajale taandatud"),
                Map.entry("staff.POSITION_OPENED", "Ametikoht loodud"),
                Map.entry("staff.RECRUITMENT_FAILED", "Värbamine ebaõnnestus"),
                Map.entry("staff.HIRED", "Tööle võetud"),
                Map.entry("staff.DEPARTED", "Lahkus"),
                Map.entry("s.assessment", "8. Hinnang toetatavate tegevuste tulemuslikkusele ja püstitatud eesmärkide saavutamisele"),
                Map.entry("annexNote", "Aruandega koos esitatakse andmed tulemusraamistiku näitajate täitmise kohta (halduslepingu lisa nr 2 vormil) ja toetatavate tegevuste eelarve täitmise kohta (halduslepingu lisa nr 5 vormil)."),
                Map.entry("s.signatures", "Allkirjad"),
                Map.entry("author", "Aruande koostaja"),
                Map.entry("jobTitle", "Ametikoht"),
                Map.entry("dated", "Kuupäev"),
                Map.entry("confirmation", "Kinnitus esitatud andmete õigsuse kohta"),
                Map.entry("signatory", "Allkirjaõiguslik isik"),
                Map.entry("submitted", "Esitatud Seires"),
                Map.entry("approved", "Heaks kiidetud"),
                Map.entry("returned", "Tagastatud"),
                Map.entry("notApproved", "Aruannet ei ole veel heaks kiidetud."),
                Map.entry("comment", "Märkus"),
                Map.entry("by", "kasutaja"),
                Map.entry("a2.title", "Lisa 2. Tulemusraamistiku näitajate täitmine"),
                Map.entry("a2.code", "Kood"),
                Map.entry("a2.indicator", "Näitaja"),
                Map.entry("a2.unit", "Ühik"),
                Map.entry("a2.baseline", "Algtase"),
                Map.entry("a2.milestone", "Vahesihttase"),
                Map.entry("a2.target", "Sihttase"),
                Map.entry("a2.valueInPeriod", "Väärtus perioodil"),
                Map.entry("a2.cumulative", "Kumulatiivne väärtus"),
                Map.entry("a2.percent", "% sihttasemest"),
                Map.entry("a2.status", "Seis"),
                Map.entry("a2.values", "Perioodi väärtused"),
                Map.entry("a2.value", "Väärtus"),
                Map.entry("a2.note", "Märkus"),
                Map.entry("a2.evidence", "Tõendusmaterjal"),
                Map.entry("a2.noValues", "Perioodil väärtusi ei esitatud."),
                Map.entry("indicator.ACHIEVED", "saavutatud"),
                Map.entry("indicator.ON_TRACK", "graafikus"),
                Map.entry("indicator.BEHIND", "graafikust maas"),
                Map.entry("a2.charts", "Näitajate täitmine võrreldes vahesihttasemete ja sihttasemega"),
                Map.entry("chart.plan", "Algtase, vahesihttasemed ja sihttase"),
                Map.entry("chart.actual", "Kumulatiivne väärtus perioodi lõpus"),
                Map.entry("chart.date", "Kuupäev"),
                Map.entry("a5.title", "Lisa 5. Toetatavate tegevuste eelarve täitmine"),
                Map.entry("a5.currency", "Summad valuutas"),
                Map.entry("a5.line", "Eelarverida"),
                Map.entry("a5.costCategory", "Kulukategooria"),
                Map.entry("a5.originalPlanned", "Algne eelarve"),
                Map.entry("a5.planned", "Kehtiv eelarve"),
                Map.entry("a5.spentInPeriod", "Kulu perioodil"),
                Map.entry("a5.spentCumulative", "Kulu kumulatiivselt"),
                Map.entry("a5.remaining", "Jääk"),
                Map.entry("a5.executionPercent", "Täitmine %"),
                Map.entry("a5.subtotal", "Alategevus kokku"),
                Map.entry("a5.byCategory", "Kulukategooriate kaupa"),
                Map.entry("a5.total", "Kokku"),
                Map.entry("a5.flatRate", "ühtne määr"),
                Map.entry("a5.chart", "Eelarve täitmine eelarveridade kaupa"),
                Map.entry("asOf", "seisuga"),
                Map.entry("footer.report", "Aruanne"),
                Map.entry("footer.chain", "Auditiahela räsi"),
                Map.entry("footer.page", "Lk"),
                Map.entry("sheet.report", "Aruanne"),
                Map.entry("sheet.annex2", "Lisa 2"),
                Map.entry("sheet.annex5", "Lisa 5"),
                Map.entry("x.field", "Väli"),
                Map.entry("x.value", "Väärtus"),
                Map.entry("x.from", "Algus"),
                Map.entry("x.to", "Lõpp"),
                Map.entry("x.chainHead", "Auditiahela räsi"),
                Map.entry("x.submittedBy", "Esitaja"));

        static final Map<String, String> EN = Map.ofEntries(
                Map.entry("title", "Monitoring report"),
                Map.entry("kind", "Type of report"),
                Map.entry("kind.INTERIM", "Interim report"),
                Map.entry("kind.FINAL", "Final report"),
                Map.entry("h.name", "1. Project name"),
                Map.entry("h.code", "2. Project code"),
                Map.entry("h.beneficiary", "3. Beneficiary"),
                Map.entry("h.partners", "4. Partners"),
                Map.entry("h.eligibility", "5. Eligibility period"),
                Map.entry("h.reportingPeriod", "6. Reporting period (cumulative)"),
                Map.entry("h.contract", "Contract number"),
                Map.entry("h.programme", "Programme"),
                Map.entry("h.report", "Report"),
                Map.entry("h.period", "Period reported on"),
                Map.entry("none", "—"),
                Map.entry("s.progress", "7. Implementation of the activities (cumulative)"),
                Map.entry("s.progressIntro", "Activities, period of implementation, summary and assessment of the implementation"),
                Map.entry("subActivity", "Sub-activity"),
                Map.entry("narrativeIntro", "Summary and assessment of the sub-activity, including problems met and measures taken."),
                Map.entry("noNarrative", "No progress has been reported for this sub-activity."),
                Map.entry("period", "Period"),
                Map.entry("status", "Status"),
                Map.entry("problems", "Problems"),
                Map.entry("measures", "Measures taken"),
                Map.entry("nextSteps", "Next steps"),
                Map.entry("progress.NOT_STARTED", "not started"),
                Map.entry("progress.ON_TRACK", "on track"),
                Map.entry("progress.DELAYED", "delayed"),
                Map.entry("progress.AT_RISK", "at risk"),
                Map.entry("progress.COMPLETED", "completed"),
                Map.entry("s.staffing", "Staffing"),
                Map.entry("staffingChanges", "Staffing changes (cumulative)"),
                Map.entry("noStaffingChanges", "There were no staffing changes."),
                Map.entry("positionsOn", "Positions on"),
                Map.entry("noPositions", "There are no positions."),
                Map.entry("c.date", "Date"),
                Map.entry("c.change", "Change"),
                Map.entry("c.position", "Position"),
                Map.entry("c.person", "Staff member"),
                Map.entry("c.workload", "Workload"),
                Map.entry("c.reason", "Reason"),
                Map.entry("c.subActivities", "Sub-activities"),
                Map.entry("c.since", "Since"),
                Map.entry("c.fte", "FTE"),
                Map.entry("vacant", "vacant"),
                Map.entry("totalFte", "Total FTE"),
                Map.entry("staff.POSITION_OPENED", "Position opened"),
                Map.entry("staff.RECRUITMENT_FAILED", "Recruitment failed"),
                Map.entry("staff.HIRED", "Hired"),
                Map.entry("staff.DEPARTED", "Left"),
                Map.entry("s.assessment", "8. Assessment of the results of the supported activities and of the progress towards the objectives"),
                Map.entry("annexNote", "The report is accompanied by the results-framework indicator data (annex 2 of the administrative contract) and the budget execution of the supported activities (annex 5)."),
                Map.entry("s.signatures", "Signatures"),
                Map.entry("author", "Prepared by"),
                Map.entry("jobTitle", "Position"),
                Map.entry("dated", "Date"),
                Map.entry("confirmation", "Confirmation that the data given are correct"),
                Map.entry("signatory", "Authorised signatory"),
                Map.entry("submitted", "Submitted in Seire"),
                Map.entry("approved", "Approved"),
                Map.entry("returned", "Returned"),
                Map.entry("notApproved", "The report has not been approved yet."),
                Map.entry("comment", "Comment"),
                Map.entry("by", "user"),
                Map.entry("a2.title", "Annex 2. Results framework indicators"),
                Map.entry("a2.code", "Code"),
                Map.entry("a2.indicator", "Indicator"),
                Map.entry("a2.unit", "Unit"),
                Map.entry("a2.baseline", "Baseline"),
                Map.entry("a2.milestone", "Milestone"),
                Map.entry("a2.target", "Target"),
                Map.entry("a2.valueInPeriod", "Value in period"),
                Map.entry("a2.cumulative", "Cumulative value"),
                Map.entry("a2.percent", "% of target"),
                Map.entry("a2.status", "Status"),
                Map.entry("a2.values", "Values of the period"),
                Map.entry("a2.value", "Value"),
                Map.entry("a2.note", "Note"),
                Map.entry("a2.evidence", "Evidence"),
                Map.entry("a2.noValues", "No values were reported in the period."),
                Map.entry("indicator.ACHIEVED", "achieved"),
                Map.entry("indicator.ON_TRACK", "on track"),
                Map.entry("indicator.BEHIND", "behind"),
                Map.entry("a2.charts", "Indicators against their milestones and targets"),
                Map.entry("chart.plan", "Baseline, milestones and target"),
                Map.entry("chart.actual", "Cumulative value at the period's end"),
                Map.entry("chart.date", "Date"),
                Map.entry("a5.title", "Annex 5. Budget execution of the supported activities"),
                Map.entry("a5.currency", "Amounts in"),
                Map.entry("a5.line", "Budget line"),
                Map.entry("a5.costCategory", "Cost category"),
                Map.entry("a5.originalPlanned", "Original budget"),
                Map.entry("a5.planned", "Current budget"),
                Map.entry("a5.spentInPeriod", "Spent in period"),
                Map.entry("a5.spentCumulative", "Spent cumulatively"),
                Map.entry("a5.remaining", "Remaining"),
                Map.entry("a5.executionPercent", "Execution %"),
                Map.entry("a5.subtotal", "Sub-activity total"),
                Map.entry("a5.byCategory", "By cost category"),
                Map.entry("a5.total", "Total"),
                Map.entry("a5.flatRate", "flat rate"),
                Map.entry("a5.chart", "Budget execution per budget line"),
                Map.entry("asOf", "as of"),
                Map.entry("footer.report", "Report"),
                Map.entry("footer.chain", "Audit chain head"),
                Map.entry("footer.page", "Page"),
                Map.entry("sheet.report", "Report"),
                Map.entry("sheet.annex2", "Annex 2"),
                Map.entry("sheet.annex5", "Annex 5"),
                Map.entry("x.field", "Field"),
                Map.entry("x.value", "Value"),
                Map.entry("x.from", "From"),
                Map.entry("x.to", "To"),
                Map.entry("x.chainHead", "Audit chain head"),
                Map.entry("x.submittedBy", "Submitted by"));

        static List<Map<String, String>> all() {
            return List.of(ET, EN);
        }

        private Labels() {
        }
    }
}
