package io.seire.command.finance;

import io.seire.kernel.finance.ExpenditureDetails;
import java.util.Objects;

/** An expenditure as the rules need it: its current fields, whether it is cancelled, and which event recorded it. */
public class Expenditure {

    private String id;
    private ExpenditureDetails details;
    private boolean cancelled;
    private long recordedSequence;
    private String corrects;
    private boolean allowDuplicateInvoice;

    Expenditure() {
    }

    Expenditure(String id, ExpenditureDetails details, long recordedSequence, String corrects,
                boolean allowDuplicateInvoice) {
        this.id = id;
        this.details = details;
        this.recordedSequence = recordedSequence;
        this.corrects = corrects;
        this.allowDuplicateInvoice = allowDuplicateInvoice;
    }

    public String id() {
        return id;
    }

    public ExpenditureDetails details() {
        return details;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public long recordedSequence() {
        return recordedSequence;
    }

    public String corrects() {
        return corrects;
    }

    boolean allowDuplicateInvoice() {
        return allowDuplicateInvoice;
    }

    void correct(ExpenditureDetails corrected) {
        this.details = corrected;
    }

    void cancel() {
        this.cancelled = true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expenditure other && Objects.equals(id, other.id) && Objects.equals(details, other.details)
                && cancelled == other.cancelled && recordedSequence == other.recordedSequence
                && Objects.equals(corrects, other.corrects) && allowDuplicateInvoice == other.allowDuplicateInvoice;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, details, cancelled, recordedSequence);
    }
}
