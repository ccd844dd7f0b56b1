package io.seire.command.programme;

import io.seire.kernel.programme.ProgrammeRegistered;
import java.util.List;
import java.util.Set;

/**
 * What a project of a registered programme must agree with: the programme's currency, and the codes of its
 * components and indicators it may name.
 */
public record ProgrammeTerms(String programmeId, String currency, Set<String> components, Set<String> indicators) {

    public ProgrammeTerms {
        components = Set.copyOf(components);
        indicators = Set.copyOf(indicators);
    }

    public static ProgrammeTerms of(ProgrammeRegistered e) {
        return new ProgrammeTerms(e.programmeId(), e.currency(),
                Set.copyOf(e.components().stream().map(c -> c.code()).toList()),
                Set.copyOf(e.indicators().stream().map(i -> i.code()).toList()));
    }

    public static ProgrammeTerms of(String programmeId, String currency, List<String> components, List<String> indicators) {
        return new ProgrammeTerms(programmeId, currency, Set.copyOf(components), Set.copyOf(indicators));
    }
}
