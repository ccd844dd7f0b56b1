package io.seire.kernel.reimbursement;

import io.seire.kernel.ProjectCommand;
import java.time.LocalDate;

/** Finance staff ask the programme to reimburse what the project paid between {@code from} and {@code to}. */
public record SubmitReimbursementRequest(String projectId, String requestId, LocalDate from, LocalDate to,
                                         ExchangeRate exchangeRate) implements ProjectCommand {
}
