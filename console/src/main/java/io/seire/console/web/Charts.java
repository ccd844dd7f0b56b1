package io.seire.console.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Bar charts drawn on the server without script: each bar is a small SVG whose length is a percentage of the row,
 * so a chart fits any width. Each chart also carries its figures as text (its description, and the table beside
 * it), so nothing is only a picture.
 */
public final class Charts {

    /** One line of a budget chart: planned as a grey bar, spent as a blue one over it, and the percent. */
    public record BudgetBar(String label, String planned, String spent, String text) {
    }

    public record BudgetChart(List<BudgetBar> bars, String description) {
    }

    /** One bar of an indicator chart (baseline, milestone, cumulative); lengths in percent of the row. */
    public record IndicatorBar(String kind, String label, String width, String text) {
    }

    /** {@code target} is where the target's mark stands, in percent of the row (null: no target). */
    public record IndicatorChart(String code, List<IndicatorBar> bars, String target, String description) {
    }

    private Charts() {
    }

    /** Planned against spent per budget line; each bar's length is relative to the largest planned amount. */
    public static BudgetChart budget(List<String[]> lines, Fmt fmt) {
        BigDecimal max = BigDecimal.ONE;
        for (String[] line : lines) {
            max = max.max(number(line[1])).max(number(line[2]));
        }
        List<BudgetBar> bars = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        for (String[] line : lines) {
            String text = line[3] == null ? fmt.number(line[2]) : fmt.percent(line[3]);
            bars.add(new BudgetBar(line[0], scale(number(line[1]), max), scale(number(line[2]), max), text));
            description.append(line[0]).append(": ").append(fmt.number(line[2])).append(" / ")
                    .append(fmt.number(line[1])).append("; ");
        }
        return new BudgetChart(bars, description.toString());
    }

    /**
     * An indicator's baseline, milestone and cumulative value as bars on one scale, and its target as a dashed mark;
     * null for a text indicator (nothing to draw).
     */
    public static IndicatorChart indicator(String code, String measure, String baseline, String milestone,
                                           String target, String cumulative, Fmt fmt, List<String> labels) {
        if ("TEXT".equals(measure)) {
            return null;
        }
        BigDecimal max = BigDecimal.ONE;
        for (String value : new String[]{baseline, milestone, target, cumulative}) {
            if (value != null) {
                max = max.max(number(value));
            }
        }
        String[] values = {baseline, milestone, cumulative};
        String[] kinds = {"baseline", "milestone", "cumulative"};
        List<IndicatorBar> bars = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String value = values[i];
            bars.add(new IndicatorBar(kinds[i], labels.get(i), value == null ? "0%" : scale(number(value), max),
                    value == null ? "–" : fmt.number(value)));
            description.append(labels.get(i)).append(": ").append(value == null ? "–" : fmt.number(value)).append("; ");
        }
        description.append(labels.get(3)).append(": ").append(target == null ? "–" : fmt.number(target));
        return new IndicatorChart(code, bars, target == null ? null : scale(number(target), max),
                description.toString());
    }

    /** The value's share of the largest one, as an SVG length ({@code 42.5%}). */
    private static String scale(BigDecimal value, BigDecimal max) {
        if (value.signum() <= 0) {
            return "0%";
        }
        return value.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static BigDecimal number(String text) {
        try {
            return text == null ? BigDecimal.ZERO : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
