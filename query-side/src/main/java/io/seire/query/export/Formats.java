package io.seire.query.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a document for people (a PDF) writes numbers and dates in a language: Estonian as the contract's forms write
 * it ({@code dd.mm.yyyy}, a decimal comma, a no-break space between thousands), English with ISO dates, a decimal
 * point and a comma between thousands. Built here from explicit symbols, never from the JVM's default locale, so
 * every machine writes the same bytes. (CSV has its own rule: no thousands separator, see {@link CsvTable}.)
 */
public final class Formats {

    private static final Formats ET = new Formats(Language.ET, "dd.MM.yyyy", ',', '\u00a0');
    private static final Formats EN = new Formats(Language.EN, "yyyy-MM-dd", '.', ',');

    private final Language language;
    private final DateTimeFormatter dates;
    private final char decimalMark;
    private final char grouping;

    private Formats(Language language, String datePattern, char decimalMark, char grouping) {
        this.language = language;
        this.dates = DateTimeFormatter.ofPattern(datePattern, Locale.ROOT);
        this.decimalMark = decimalMark;
        this.grouping = grouping;
    }

    public static Formats of(Language language) {
        return language == Language.ET ? ET : EN;
    }

    public Language language() {
        return language;
    }

    public char decimalMark() {
        return decimalMark;
    }

    public char grouping() {
        return grouping;
    }

    public String date(LocalDate date) {
        return date == null ? "" : dates.format(date);
    }

    /** A date range, e.g. {@code 01.06.2024–31.12.2025}. */
    public String range(LocalDate from, LocalDate to) {
        return date(from) + "\u2013" + date(to);
    }

    /** Money with two decimals and thousands apart, e.g. {@code 120 000,00} or {@code 120,000.00}; "" for none. */
    public String money(String amount) {
        return amount == null ? "" : money(new BigDecimal(amount));
    }

    public String money(BigDecimal amount) {
        return amount == null ? "" : format(amount.setScale(2, RoundingMode.HALF_UP), 2);
    }

    /** A number as recorded (no trailing zeros added), e.g. {@code 12,5}; "" for none. */
    public String number(String value) {
        return value == null ? "" : number(new BigDecimal(value));
    }

    public String number(BigDecimal n) {
        return n == null ? "" : format(n, Math.max(0, n.scale()));
    }

    /** A percentage, e.g. {@code 33,33 %}; "" for none. */
    public String percent(String value) {
        return value == null ? "" : number(value) + percentSign();
    }

    public String percent(BigDecimal value) {
        return value == null ? "" : number(value) + percentSign();
    }

    private String percentSign() {
        return language == Language.ET ? "\u00a0%" : "%";
    }

    /** A number with exactly {@code decimals} decimals (a chart's axis writes its own). */
    public DecimalFormat pattern(int decimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(decimalMark);
        symbols.setGroupingSeparator(grouping);
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    private String format(BigDecimal value, int decimals) {
        return pattern(decimals).format(value);
    }
}
