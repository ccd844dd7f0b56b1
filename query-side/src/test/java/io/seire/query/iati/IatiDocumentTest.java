package io.seire.query.iati;

import static org.assertj.core.api.Assertions.assertThat;

import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.setup.BudgetLineAdded;
import io.seire.kernel.setup.ProjectRegistered;
import io.seire.kernel.setup.ReportingPeriod;
import io.seire.kernel.setup.SubActivityAdded;
import io.seire.query.ProjectionHarness;
import io.seire.query.read.Horizon;
import io.seire.query.read.ProjectRow;
import io.seire.query.read.ProjectScope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The document over projects read in batches, on the real schema, fed through the projections. */
class IatiDocumentTest {

    static final LocalDate START = LocalDate.of(2024, 6, 1);

    @Test
    void projects_read_in_batches_keep_their_order_and_each_activitys_transactions_add_up_to_its_spending()
            throws Exception {
        ProjectionHarness harness = new ProjectionHarness();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ProjectScope> projects = new ArrayList<>();
        List<BigDecimal> spent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "iati-" + run + "-" + i;
            harness.feed(new ProjectRegistered(id, "Projekt " + i, "Programm", "Toetuse saaja", "EUR", START,
                    LocalDate.of(2026, 12, 31), BigDecimal.TEN, List.of(new ReportingPeriod("2024", START,
                    LocalDate.of(2024, 12, 31)))));
            harness.feed(new SubActivityAdded(id, "1", "Üks"));
            harness.feed(new BudgetLineAdded(id, "L", "1", "STAFF", new BigDecimal("100000.00"), null));
            harness.feed(new ExpenditureRecorded(id, "A", "L", new BigDecimal("100.00"), START, START, null, null,
                    null, false, null));
            harness.feed(new ExpenditureRecorded(id, "B", "L", new BigDecimal(i + ".25"), START.plusDays(1),
                    START.plusDays(1), null, null, null, false, null));
            // moved to another day and changed: the difference on the new day
            harness.feed(new ExpenditureCorrected(id, "A", "L", new BigDecimal("70.10"), START.plusDays(2),
                    START.plusDays(2), null, null, null, "parandus"));
            if (i % 2 == 0) {
                harness.feed(new ExpenditureCancelled(id, "B", "tühistus"));
                spent.add(new BigDecimal("70.10"));
            } else {
                spent.add(new BigDecimal("70.10").add(new BigDecimal(i + ".25")));
            }
            projects.add(new ProjectScope(ProjectRow.find(ProjectionHarness.client(), id), Horizon.NOW));
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Connection connection = ProjectionHarness.jdbc().getDataSource().getConnection()) {
            int isolation = connection.getTransactionIsolation();
            new IatiDocument(new IatiSettings("XM-TEST", "Test", "10", "et"), 2)
                    .write(connection, projects, LocalDate.of(2025, 1, 1), out);
            // the connection goes back as it came: no transaction left open, the same settings
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(connection.getTransactionIsolation()).isEqualTo(isolation);
        }

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray()));
        NodeList activities = doc.getElementsByTagName("iati-activity");
        assertThat(activities.getLength()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            Element activity = (Element) activities.item(i);
            assertThat(activity.getElementsByTagName("iati-identifier").item(0).getTextContent())
                    .isEqualTo("XM-TEST-iati-" + run + "-" + i);
            NodeList values = activity.getElementsByTagName("value");
            BigDecimal sum = BigDecimal.ZERO;
            for (int v = 0; v < values.getLength(); v++) {
                sum = sum.add(new BigDecimal(values.item(v).getTextContent()));
            }
            assertThat(sum).as("activity " + i).isEqualByComparingTo(spent.get(i));
            assertThat(values.getLength()).isEqualTo(i % 2 == 0 ? 4 : 3);
            // the correction's difference is dated on its new day
            Element correction = (Element) activity.getElementsByTagName("transaction").item(values.getLength() - 1);
            assertThat(correction.getAttribute("ref")).startsWith("A/corrected/");
            assertThat(((Element) correction.getElementsByTagName("transaction-date").item(0)).getAttribute("iso-date"))
                    .isEqualTo("2024-06-03");
            assertThat(correction.getElementsByTagName("value").item(0).getTextContent()).isEqualTo("-29.90");
        }
    }

    /**
     * An import's rows share its event's position (ADR 0056): transactions of one day are then in expenditure id
     * order, so the document is the same every time it is written.
     */
    @Test
    void an_imports_transactions_of_one_day_are_in_id_order() throws Exception {
        ProjectionHarness harness = new ProjectionHarness();
        String id = "iati-import-" + UUID.randomUUID().toString().substring(0, 8);
        harness.feed(new ProjectRegistered(id, "Projekt", "Programm", "Toetuse saaja", "EUR", START,
                LocalDate.of(2026, 12, 31), BigDecimal.TEN, List.of(new ReportingPeriod("2024", START,
                LocalDate.of(2024, 12, 31)))));
        harness.feed(new SubActivityAdded(id, "1", "Üks"));
        harness.feed(new BudgetLineAdded(id, "L", "1", "STAFF", new BigDecimal("100000.00"), null));
        List<ExpenditureRecorded> rows = new ArrayList<>();
        for (String expenditure : List.of("K-3", "K-1", "K-2")) {
            rows.add(new ExpenditureRecorded(id, expenditure, "L", new BigDecimal("10.00"), START, START, null, null,
                    null, false, null));
        }
        harness.feed(new io.seire.kernel.finance.ExpendituresImported(id, rows));
        List<ProjectScope> projects = List.of(new ProjectScope(ProjectRow.find(ProjectionHarness.client(), id),
                Horizon.NOW));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Connection connection = ProjectionHarness.jdbc().getDataSource().getConnection()) {
            new IatiDocument(new IatiSettings("XM-TEST", "Test", "10", "et"), 2)
                    .write(connection, projects, LocalDate.of(2025, 1, 1), out);
        }
        NodeList transactions = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray())).getElementsByTagName("transaction");
        List<String> refs = new ArrayList<>();
        for (int t = 0; t < transactions.getLength(); t++) {
            refs.add(((Element) transactions.item(t)).getAttribute("ref"));
        }
        assertThat(refs).containsExactly("K-1", "K-2", "K-3");
    }
}
