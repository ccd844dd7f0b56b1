package io.seire.console.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers and dates as the chosen language writes them: {@code 1 234,56} and {@code 31.12.2024} in Estonian,
 * {@code 1,234.56} and {@code 2024-12-31} in English. The API's decimal strings are shown as they are, never
 * rounded again.
 */
public final class Fmt {

    static final ZoneId TALLINN = ZoneId.of("Europe/Tallinn");

    private final Locale locale;
    private final boolean estonian;

    public Fmt(Locale locale) {
        this.locale = Languages.of(locale);
        this.estonian = this.locale.equals(Languages.ESTONIAN);
    }

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.getLanguage();
    }

    /** The exact sum of the API's decimal strings (money of one currency), as a decimal string; blanks count nothing. */
    public String sum(java.util.Collection<String> decimals) {
        return decimals.stream().filter(d -> d != null && !d.isBlank()).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add).toPlainString();
    }

    /** A decimal string of the API (money, a percentage, an indicator number), written for the language. */
    public String number(String decimal) {
        if (decimal == null || decimal.isBlank()) {
            return "";
        }
        BigDecimal value;
        try {
            value = new BigDecimal(decimal);
        } catch (NumberFormatException text) {
            return decimal; // a text indicator's value
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(locale);
        if (estonian) {
            symbols.setGroupingSeparator('\u00a0');
            symbols.setDecimalSeparator(',');
            symbols.setMinusSign('−');
        }
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(value);
    }

    public String percent(String decimal) {
        return decimal == null || decimal.isBlank() ? "" : number(decimal) + (estonian ? "\u00a0%" : "%");
    }

    /** A money amount as an input holds it: the language's decimal mark, no grouping ({@code 1234,56}). */
    public String input(String decimal) {
        if (decimal == null) {
            return "";
        }
        return estonian ? decimal.replace('.', ',') : decimal;
    }

    public String date(LocalDate date) {
        return date == null ? "" : estonian ? date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) : date.toString();
    }

    public String date(String isoDate) {
        if (isoDate == null || isoDate.isBlank()) {
            return "";
        }
        try {
            return date(LocalDate.parse(isoDate));
        } catch (java.time.format.DateTimeParseException notADate) {
            return isoDate;
        }
    }

    /** A date as a date input holds it. */
    public String dateInput(LocalDate date) {
        return date(date);
    }

    /** An instant in Estonian time, to the second. */
    public String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        return instant.atZone(TALLINN).format(DateTimeFormatter.ofPattern(estonian ? "dd.MM.yyyy HH:mm:ss"
                : "yyyy-MM-dd HH:mm:ss"));
    }

    /** How the date fields are written, for the hint under them. */
    public String dateExample() {
        return estonian ? "31.12.2024" : "2024-12-31";
    }

    public String moneyExample() {
        return estonian ? "1234,56" : "1234.56";
    }
}
