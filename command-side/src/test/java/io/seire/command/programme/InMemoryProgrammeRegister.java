package io.seire.command.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The programme register of the fixture tests: programmes and projects as the test says they were registered. */
public class InMemoryProgrammeRegister implements ProgrammeRegister {

    private final Map<String, ProgrammeTerms> programmes = new LinkedHashMap<>();
    private final Map<String, String[]> projects = new LinkedHashMap<>();
    private final Map<String, ClaimTerms> claimTerms = new LinkedHashMap<>();
    private final Map<String, BigDecimal> claimed = new LinkedHashMap<>();
    public final List<String> locked = new ArrayList<>();

    /** The programme's claim currency, ceiling and funding sources. */
    public InMemoryProgrammeRegister claimTerms(ClaimTerms terms) {
        claimTerms.put(terms.programmeId(), terms);
        return this;
    }

    /** What the programme's requests (of any project) count against its ceiling, as the test says. */
    public InMemoryProgrammeRegister claimed(String programmeId, BigDecimal counted) {
        claimed.put(programmeId, counted);
        return this;
    }

    public InMemoryProgrammeRegister programme(ProgrammeTerms terms) {
        programmes.put(terms.programmeId(), terms);
        return this;
    }

    public InMemoryProgrammeRegister project(String projectId, String programme, String currency) {
        projects.put(projectId, new String[] {programme, currency});
        return this;
    }

    @Override
    public void lock(String programmeId) {
        locked.add(programmeId);
    }

    @Override
    public Optional<ProgrammeTerms> find(String programmeId) {
        return Optional.ofNullable(programmes.get(programmeId));
    }

    @Override
    public List<String> projectsInOtherCurrencies(String programmeId, String currency) {
        return projects.entrySet().stream()
                .filter(e -> e.getValue()[0].equals(programmeId) && !e.getValue()[1].equals(currency))
                .map(Map.Entry::getKey).sorted().toList();
    }

    @Override
    public Optional<ClaimTerms> claimTerms(String programmeId) {
        return Optional.ofNullable(claimTerms.get(programmeId));
    }

    @Override
    public BigDecimal claimsAgainstCeiling(String programmeId) {
        return claimed.getOrDefault(programmeId, BigDecimal.ZERO);
    }
}
