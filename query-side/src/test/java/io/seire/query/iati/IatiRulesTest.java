package io.seire.query.iati;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The mapping rules of the IATI documents that need no database (ADR 0032). */
class IatiRulesTest {

    static final LocalDate FROM = LocalDate.of(2024, 6, 1);
    static final LocalDate TO = LocalDate.of(2028, 7, 31);

    @Test
    void activity_status_is_pipeline_before_the_eligibility_period_implementation_within_and_finalisation_after() {
        assertThat(IatiCodes.activityStatus(FROM.minusDays(1), FROM, TO, false)).isEqualTo("1");
        assertThat(IatiCodes.activityStatus(FROM, FROM, TO, false)).isEqualTo("2");
        assertThat(IatiCodes.activityStatus(TO, FROM, TO, false)).isEqualTo("2");
        assertThat(IatiCodes.activityStatus(TO.plusDays(1), FROM, TO, false)).isEqualTo("3");
    }

    @Test
    void activity_status_is_closed_once_a_final_report_is_approved_whatever_the_date() {
        assertThat(IatiCodes.activityStatus(FROM.plusDays(10), FROM, TO, true)).isEqualTo("4");
        assertThat(IatiCodes.activityStatus(TO.plusYears(1), FROM, TO, true)).isEqualTo("4");
    }

    @Test
    void indicators_map_to_iati_measures_and_result_types() {
        assertThat(IatiCodes.measure("NUMBER")).isEqualTo("1");
        assertThat(IatiCodes.measure("PERCENTAGE")).isEqualTo("2");
        assertThat(IatiCodes.measure("TEXT")).isEqualTo("5");
        assertThat(IatiCodes.resultType("OUTPUT")).isEqualTo("1");
        assertThat(IatiCodes.resultType("RESULT")).isEqualTo("2");
    }

    @Test
    void text_xml_cannot_carry_is_written_as_the_replacement_character_and_everything_else_as_it_is() {
        assertThat(XmlOut.clean("Šž õ ąėįųū Жизнь 😀\t\n")).isEqualTo("Šž õ ąėįųū Жизнь 😀\t\n");
        assertThat(XmlOut.clean("a\u0007b\u001Fc\uFFFEd\uFFFF")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
        assertThat(XmlOut.clean("lone \uD83D surrogate")).isEqualTo("lone \uFFFD surrogate");
    }

    @Test
    void what_is_written_parses_back_to_the_same_text_and_attributes() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XmlOut xml = new XmlOut(bytes);
        xml.start("root").lang("lt").attr("a", "<&\"'> Ž 😀").attr("skipped", null);
        xml.narrated("title", "Ąžuolas & <Жизнь> ]]> 😀\u0007");
        xml.empty("leaf", "x", 1, "y", null);
        xml.finish();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(doc.getXmlEncoding()).isEqualTo("UTF-8");
        assertThat(doc.getDocumentElement().getAttribute("a")).isEqualTo("<&\"'> Ž 😀");
        assertThat(doc.getDocumentElement().hasAttribute("skipped")).isFalse();
        assertThat(doc.getDocumentElement().getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("lt");
        assertThat(doc.getElementsByTagName("narrative").item(0).getTextContent()).isEqualTo("Ąžuolas & <Жизнь> ]]> 😀\uFFFD");
        assertThat(doc.getElementsByTagName("leaf").item(0).getAttributes().getLength()).isEqualTo(1);
        assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).contains("\n  <title>\n    <narrative>");
    }

    @Test
    void the_reporting_organisation_defaults_to_seire_and_prefixes_every_activity_identifier() {
        IatiSettings unset = new IatiSettings(" ", "", null, "");
        assertThat(unset.reportingOrgRef()).isEqualTo("SEIRE");
        assertThat(unset.reportingOrgName()).isEqualTo("Seire");
        assertThat(unset.reportingOrgType()).isEqualTo("10");
        assertThat(unset.language()).isNull();
        assertThat(unset.activityId("Šveits.1.01.25-0006")).isEqualTo("SEIRE-Šveits.1.01.25-0006");
        assertThat(new IatiSettings("XM-DAC-41114", "Riigi Tugiteenuste Keskus", "10", "et")
                .activityId("P-1")).isEqualTo("XM-DAC-41114-P-1");
    }

    @Test
    void the_file_name_is_given_as_ascii_for_simple_clients_and_exactly_in_utf8() {
        assertThat(IatiController.attachment("iati-activity-Šveits.1.01.25-0006 \"a/b\"*.xml")).isEqualTo(
                "attachment; filename=\"iati-activity-_veits.1.01.25-0006 _a_b_*.xml\"; "
                        + "filename*=UTF-8''iati-activity-%C5%A0veits.1.01.25-0006%20%22a%2Fb%22%2A.xml");
    }
}
