package io.seire.command.programme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What the command side knows about registered programmes and the projects that name them, at the moment of a
 * write (ADR 0021). A project and its programme are separate aggregates: a project's registration reads the
 * programme's terms here, and a programme's registration reads here which projects already name it.
 */
public interface ProgrammeRegister {

    /**
     * Holds the programme's lock until the write commits: a project's registration and its programme's registration
     * take it before they read here, so one of them always sees the other.
     */
    void lock(String programmeId);

    /** The registered programme's terms, or empty when no programme is registered under this id. */
    Optional<ProgrammeTerms> find(String programmeId);

    /** Projects that name the programme and keep their books in a currency other than the given one, by id. */
    List<String> projectsInOtherCurrencies(String programmeId, String currency);

    /** The registered programme's claim currency, ceiling and funding sources; empty when it is not registered. */
    Optional<ClaimTerms> claimTerms(String programmeId);

    /**
     * What counts against the programme's ceiling now, in its claim currency (ADR 0025): each submitted request with
     * its claimed amount, each approved or paid one with its approved amount, returned ones not at all. Read it
     * under {@link #lock}, so that no other claim can change it before this write commits.
     */
    BigDecimal claimsAgainstCeiling(String programmeId);
}
