package io.seire.kernel.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting an amount by funding shares: HALF_UP to the minor unit, the last source taking the remainder. */
class FundingSharesTest {

    static List<BigDecimal> split(String amount, String... shares) {
        return FundingShares.split(new BigDecimal(amount), List.of(shares).stream().map(BigDecimal::new).toList(), 2);
    }

    @Test
    void each_source_gets_its_share_rounded_half_up() {
        // 0.10 × 85 % = 0.085 → 0.09 (HALF_UP; half-even would give 0.08); the national 15 % takes the 0.01 left
        assertThat(split("0.10", "85", "15")).containsExactly(new BigDecimal("0.09"), new BigDecimal("0.01"));
        // 1000.01 × 85 % = 850.0085 → 850.01; 150.00 left
        assertThat(split("1000.01", "85", "15")).containsExactly(new BigDecimal("850.01"), new BigDecimal("150.00"));
    }

    @Test
    void the_last_source_takes_the_rounding_remainder_so_the_amounts_add_up_exactly() {
        // 33.33 % of 0.05 = 0.016665 → 0.02 twice; the last takes 0.01, not its own 0.02
        List<BigDecimal> amounts = split("0.05", "33.33", "33.33", "33.34");
        assertThat(amounts).containsExactly(new BigDecimal("0.02"), new BigDecimal("0.02"), new BigDecimal("0.01"));
        assertThat(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0.05");
    }

    @Test
    void one_source_takes_everything_and_zero_splits_into_zeros() {
        assertThat(split("123.45", "100")).containsExactly(new BigDecimal("123.45"));
        assertThat(split("0.00", "85", "15")).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
    }
}
