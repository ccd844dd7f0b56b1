package io.seire.command.reimbursement;

import static io.seire.command.project.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.seire.command.setup.ProjectSetup;
import io.seire.kernel.CurrencyCode;
import io.seire.kernel.programme.FundingSource;
import io.seire.kernel.reimbursement.ClaimFigures;
import io.seire.kernel.reimbursement.ClaimLine;
import io.seire.kernel.reimbursement.ClaimSource;
import io.seire.kernel.reimbursement.ClaimedExpenditure;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each figure rule of a reimbursement request, to the cent: line sums, the flat rate from the request's own base,
 * HALF_UP, the last funding source taking the remainder, the claimable part, and the claim-currency amount from the
 * rounded claimed amount. Lines: S1 and S2 (STAFF), V (SERVICES), IND (15 % of STAFF), in that order.
 */
class ClaimFiguresTest {

    static final CurrencyCode EUR = new CurrencyCode("EUR");
    static final CurrencyCode CHF = new CurrencyCode("CHF");
    static final List<ClaimArithmetic.Share> SWISS_ESTONIAN = ClaimArithmetic.shares(List.of(
            new FundingSource("CH", "Šveitsi toetus", new BigDecimal("85"), true),
            new FundingSource("EE", "Riiklik kaasfinantseering", new BigDecimal("15"), false)));

    static ProjectSetup setup() {
        ProjectSetup setup = new ProjectSetup();
        setup.on(registered());
        setup.on(subActivity("1"));
        setup.on(line("S1", "1", "STAFF", "1000.00"));
        setup.on(line("V", "1", "SERVICES", "1000.00"));
        setup.on(flatRate("IND", "1", "INDIRECT", "15", "STAFF"));
        setup.on(line("S2", "1", "STAFF", "1000.00"));
        return setup;
    }

    static ClaimedExpenditure claimed(String id, String line, String amount) {
        return new ClaimedExpenditure(id, line, eur(amount));
    }

    static ClaimFigures figures(List<ClaimArithmetic.Share> shares, String rate, CurrencyCode claimCurrency,
                                ClaimedExpenditure... claimed) {
        return ClaimArithmetic.figures(List.of(claimed), setup().budgetLines(), shares, new BigDecimal(rate), EUR,
                claimCurrency);
    }

    static ClaimFigures figures(ClaimedExpenditure... claimed) {
        return figures(SWISS_ESTONIAN, "0.9412", CHF, claimed);
    }

    @Test
    void a_lines_eligible_amount_is_the_sum_of_its_claimed_amounts_and_lines_keep_the_budgets_order() {
        ClaimFigures f = figures(claimed("E1", "V", "10.00"), claimed("E2", "S2", "20.00"), claimed("E3", "V", "0.05"));
        assertThat(f.expenditures()).containsExactly("E1", "E2", "E3");
        assertThat(f.lines()).containsExactly(new ClaimLine("V", "SERVICES", eur("10.05")),
                new ClaimLine("IND", "INDIRECT", eur("3.00")), new ClaimLine("S2", "STAFF", eur("20.00")));
        assertThat(f.eligibleTotal()).isEqualTo(eur("33.05"));
    }

    @Test
    void a_flat_rate_is_its_rate_times_the_base_category_claimed_in_this_request_rounded_half_up() {
        // STAFF in this request: 0.03 + 0.07 = 0.10 on two lines; 15 % = 0.015 → 0.02
        ClaimFigures f = figures(claimed("E1", "S1", "0.03"), claimed("E2", "S2", "0.07"));
        assertThat(f.lines()).containsExactly(new ClaimLine("S1", "STAFF", eur("0.03")),
                new ClaimLine("IND", "INDIRECT", eur("0.02")), new ClaimLine("S2", "STAFF", eur("0.07")));
        assertThat(f.eligibleTotal()).isEqualTo(eur("0.12"));
    }

    @Test
    void a_flat_rate_line_is_listed_only_when_its_base_category_has_a_claimed_amount() {
        assertThat(figures(claimed("E1", "V", "10.00")).lines()).extracting(ClaimLine::budgetLine)
                .containsExactly("V");
        // a base that comes to zero still has claimed amounts: the flat-rate line is listed with 0.00
        assertThat(figures(claimed("E1", "S1", "10.00"), claimed("A1", "S1", "-10.00")).lines())
                .containsExactly(new ClaimLine("S1", "STAFF", eur("0.00")), new ClaimLine("IND", "INDIRECT", eur("0.00")));
    }

    @Test
    void a_negative_adjustment_is_rounded_half_up_away_from_zero_in_the_flat_rate() {
        // −0.10 × 15 % = −0.015 → −0.02
        ClaimFigures f = figures(claimed("A1", "S1", "-0.10"));
        assertThat(f.lines()).containsExactly(new ClaimLine("S1", "STAFF", eur("-0.10")),
                new ClaimLine("IND", "INDIRECT", eur("-0.02")));
        assertThat(f.eligibleTotal()).isEqualTo(eur("-0.12"));
    }

    @Test
    void each_source_is_the_total_times_its_share_half_up_and_the_last_source_takes_the_remainder() {
        // 0.10 × 85 % = 0.085 → 0.09 (HALF_UP, not 0.08); the last takes 0.10 − 0.09 = 0.01 (not 0.015 → 0.02)
        ClaimFigures f = figures(claimed("E1", "V", "0.10"));
        assertThat(f.sources()).containsExactly(new ClaimSource("CH", new BigDecimal("85"), true, eur("0.09")),
                new ClaimSource("EE", new BigDecimal("15"), false, eur("0.01")));
        assertThat(f.claimed()).isEqualTo(eur("0.09"));
    }

    @Test
    void claimed_is_the_sum_of_the_claimable_sources() {
        List<ClaimArithmetic.Share> three = ClaimArithmetic.shares(List.of(
                new FundingSource("CH", "Šveits", new BigDecimal("33.33"), true),
                new FundingSource("EE", "Eesti", new BigDecimal("33.33"), false),
                new FundingSource("KOV", "Omavalitsus", new BigDecimal("33.34"), true)));
        // 100.01: 33.333333 → 33.33, 33.33, the last 100.01 − 66.66 = 33.35
        ClaimFigures f = figures(three, "1", CHF, claimed("E1", "V", "100.01"));
        assertThat(f.sources()).extracting(ClaimSource::amount).containsExactly(eur("33.33"), eur("33.33"),
                eur("33.35"));
        assertThat(f.claimed()).isEqualTo(eur("66.68"));
        assertThat(f.claimedInClaimCurrency()).isEqualTo(eur("66.68"));
    }

    @Test
    void the_claim_currency_amount_is_the_rounded_claimed_amount_times_the_rate_half_up() {
        // claimed: 10.01 × 85 % = 8.5085 → 8.51; × 0.5 = 4.255 → 4.26 (from the unrounded 8.5085 it would be 4.25)
        ClaimFigures f = figures(SWISS_ESTONIAN, "0.5", CHF, claimed("E1", "V", "10.01"));
        assertThat(f.claimed()).isEqualTo(eur("8.51"));
        assertThat(f.claimedInClaimCurrency()).isEqualTo(eur("4.26"));
    }

    @Test
    void the_claim_currency_amount_has_the_claim_currencys_minor_digits() {
        // 97.75 × 161.123456 = 15749.8178… → 15750 yen
        ClaimFigures f = figures(SWISS_ESTONIAN, "161.123456", new CurrencyCode("JPY"), claimed("E1", "S1", "100.00"));
        assertThat(f.claimed()).isEqualTo(eur("97.75"));
        assertThat(f.claimedInClaimCurrency()).isEqualTo(new BigDecimal("15750"));
    }

    @Test
    void nothing_claimed_is_zero_in_every_figure() {
        ClaimFigures f = figures();
        assertThat(f.lines()).isEmpty();
        assertThat(f.eligibleTotal()).isEqualTo(eur("0.00"));
        assertThat(f.sources()).extracting(ClaimSource::amount).containsExactly(eur("0.00"), eur("0.00"));
        assertThat(f.claimedInClaimCurrency()).isEqualTo(eur("0.00"));
    }
}
