package io.seire.command.programme;

import io.seire.command.setup.Amounts;
import io.seire.command.setup.Ids;
import io.seire.kernel.CurrencyCode;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.programme.FundingSource;
import io.seire.kernel.programme.ProgrammeComponent;
import io.seire.kernel.programme.ProgrammeIndicator;
import io.seire.kernel.programme.ProgrammeRegistered;
import io.seire.kernel.programme.RegisterProgramme;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules a programme's registration follows: valid currencies, a ceiling in whole minor units of the claim
 * currency, funding shares that add up to exactly 100 with at least one source claimed from the funder, and codes
 * unique within each list. All of them concern the request alone, so a refusal is a 400 naming the field.
 */
public final class ProgrammeRules {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ProgrammeRules() {
    }

    public static ProgrammeRegistered decide(RegisterProgramme c) {
        Ids.check("id", c.programmeId());
        required("name", c.name());
        CurrencyCode currency = currency("currency", c.currency());
        CurrencyCode claimCurrency = currency("claimCurrency", c.claimCurrency());
        Amounts.checkPositive("ceiling", c.ceiling(), claimCurrency);
        List<FundingSource> sources = c.fundingSources() == null ? List.of() : List.copyOf(c.fundingSources());
        List<ProgrammeComponent> components = c.components() == null ? List.of() : List.copyOf(c.components());
        List<ProgrammeIndicator> indicators = c.indicators() == null ? List.of() : List.copyOf(c.indicators());
        checkSources(sources);
        checkCodes("components", components, ProgrammeComponent::code, ProgrammeComponent::name, null);
        checkCodes("indicators", indicators, ProgrammeIndicator::code, ProgrammeIndicator::name, ProgrammeIndicator::unit);
        return new ProgrammeRegistered(c.programmeId(), c.name(), currency.code(), claimCurrency.code(), c.ceiling(),
                sources, components, indicators);
    }

    private static void checkSources(List<FundingSource> sources) {
        if (sources.isEmpty()) {
            throw RuleViolation.badRequest("funding-sources-required", "fundingSources",
                    "A programme needs at least one funding source.");
        }
        checkCodes("fundingSources", sources, FundingSource::code, FundingSource::name, null);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < sources.size(); i++) {
            BigDecimal share = sources.get(i).share();
            String field = "fundingSources[" + i + "].share";
            if (share == null) {
                throw RuleViolation.badRequest("funding-share-range", field, "is required");
            }
            if (share.signum() <= 0 || share.compareTo(HUNDRED) > 0) {
                throw RuleViolation.badRequest("funding-share-range", field,
                        "must be more than 0 and at most 100, not " + share.toPlainString());
            }
            total = total.add(share);
        }
        if (total.compareTo(HUNDRED) != 0) {
            throw RuleViolation.badRequest("funding-shares-add-up-to-100", "fundingSources",
                    "The funding sources' shares add up to " + total.stripTrailingZeros().toPlainString()
                            + " %; together they must be exactly 100 %.");
        }
        if (sources.stream().noneMatch(FundingSource::claimable)) {
            throw RuleViolation.badRequest("a-funding-source-is-claimable", "fundingSources",
                    "At least one funding source must be claimable: its share of the costs is what the programme "
                            + "claims from its funder.");
        }
    }

    private static <T> void checkCodes(String list, List<T> items, Function<T, String> code, Function<T, String> name,
                                       Function<T, String> unit) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String field = list + "[" + i + "]";
            if (item == null) {
                throw RuleViolation.badRequest("field-required", field, "must not be null");
            }
            Ids.check(field + ".code", code.apply(item));
            required(field + ".name", name.apply(item));
            if (unit != null) {
                required(field + ".unit", unit.apply(item));
            }
            if (!seen.add(code.apply(item))) {
                throw RuleViolation.badRequest("programme-codes-unique", field + ".code", "The code '"
                        + code.apply(item) + "' is used twice in " + list + "; every entry needs a code of its own.");
            }
        }
    }

    private static CurrencyCode currency(String field, String code) {
        if (!CurrencyCode.isValid(code)) {
            throw RuleViolation.badRequest("currency-iso-4217", field,
                    "'" + code + "' is not an ISO 4217 currency code (three capital letters, e.g. EUR)");
        }
        return new CurrencyCode(code);
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.badRequest("field-required", field, "is required");
        }
    }
}
