package io.seire.query.audit;

import io.seire.query.export.Column;
import io.seire.query.export.Table;
import io.seire.query.export.TableWriter;
import io.seire.query.export.Words;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The audit trail as a table (XLSX): the CSV's columns with headings in the chosen language. */
final class AuditTable {

    private AuditTable() {
    }

    static Table of(String projectId) {
        return new Table(new Words("Auditijälg", "Audit trail"), List.of(
                Column.number("Positsioon", "Position"),
                Column.timestamp("Salvestatud (UTC)", "Recorded at (UTC)"),
                Column.text("Tegija", "Actor"),
                Column.text("Rollid", "Roles"),
                Column.text("Sündmus", "Event type"),
                Column.date("Sisuline kuupäev", "Business date"),
                Column.text("Kokkuvõte", "Summary"),
                Column.text("Põhjus", "Reason"),
                Column.text("Idempotentsusvõti", "Idempotency key"),
                Column.text("Korrelatsiooni ID", "Correlation id"),
                Column.text("Allikas", "Source"),
                Column.text("Räsi", "Hash")),
                "audit-trail_" + projectId);
    }

    static void write(AuditTrail.Entry e, TableWriter writer) throws IOException {
        writer.item(e.position(), e.recordedAt(), e.actor(), e.roles(), e.type(), day(e.businessDate()), e.summary(),
                e.reason(), e.idempotencyKey(), e.correlationId(), e.source(), e.hash());
    }

    /** The business date as a date cell when it is one day, else as recorded. */
    private static Object day(String businessDate) {
        if (businessDate == null || businessDate.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(businessDate);
        } catch (DateTimeParseException notOneDay) {
            return businessDate;
        }
    }
}
