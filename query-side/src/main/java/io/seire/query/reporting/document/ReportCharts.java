package io.seire.query.reporting.document;

import io.seire.query.export.DocumentCharts;
import io.seire.query.export.DocumentFonts;
import io.seire.query.export.Formats;
import io.seire.query.finance.BudgetExecution;
import io.seire.query.reporting.ReportComposer;
import io.seire.query.setup.ProjectViews;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts, drawn with JFreeChart in the style of every document chart ({@link DocumentCharts}) (in the PDF: vector drawing through OpenPDF,
 * text in the embedded font). Every format, time zone and locale is given here, none taken from the JVM.
 */
final class ReportCharts {

    static final Color PLAN_LINE = new Color(0x7F, 0x7F, 0x7F);
    static final Color ACTUAL_LINE = new Color(0xC0, 0x50, 0x1E);
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final Wording wording;

    ReportCharts(Wording wording) {
        this.wording = wording;
    }

    /** Per budget line its current plan beside its cumulative spending, the execution percentage at the bar's end. */
    JFreeChart budget(List<BudgetExecution.Figures> lines, String currency) {
        List<DocumentCharts.Bar> bars = lines.stream().map(line -> new DocumentCharts.Bar(line.code(),
                decimal(line.planned()), decimal(line.spentCumulative()), wording.percent(line.executionPercent())))
                .toList();
        return DocumentCharts.bars(bars, wording.text("a5.planned"), wording.text("a5.spentCumulative"), currency,
                Formats.of(wording.language()));
    }

    /**
     * One numeric indicator over the eligibility period: the plan (baseline at the first day, each milestone on its
     * date, the target at the last day) as a dashed line, and the cumulative value at the end of every period up to
     * the report's as a solid one.
     */
    JFreeChart indicator(ProjectViews.Indicator indicator, ProjectViews.ProjectDetail project,
                         List<ReportComposer.PeriodResults> results) {
        XYSeries plan = new XYSeries(wording.text("chart.plan"), false, true);
        BigDecimal baseline = indicator.baseline() == null ? BigDecimal.ZERO : new BigDecimal(indicator.baseline());
        plan.add(millis(project.eligibleFrom()), baseline.doubleValue());
        for (ProjectViews.Milestone m : indicator.milestones()) {
            if (m.value() != null) {
                plan.add(millis(m.date()), new BigDecimal(m.value()).doubleValue());
            }
        }
        if (indicator.target() != null) {
            plan.add(millis(project.eligibleTo()), new BigDecimal(indicator.target()).doubleValue());
        }
        XYSeries actual = new XYSeries(wording.text("chart.actual"), false, true);
        for (ReportComposer.PeriodResults period : results) {
            period.indicators().stream().filter(i -> i.code().equals(indicator.code()) && i.cumulative() != null)
                    .findFirst()
                    .ifPresent(i -> actual.add(millis(period.to()), new BigDecimal(i.cumulative()).doubleValue()));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(plan);
        data.addSeries(actual);

        DateAxis time = new DateAxis(null, UTC, Locale.ROOT);
        SimpleDateFormat days = new SimpleDateFormat(wording == Wording.ET ? "dd.MM.yyyy" : "yyyy-MM-dd", Locale.ROOT);
        days.setTimeZone(UTC);
        time.setTickUnit(new DateTickUnit(DateTickUnitType.YEAR, 1, days));
        // room beside the first and the last point for their labels
        time.setRange(millis(project.eligibleFrom()) - 120L * DAY, millis(project.eligibleTo()) + 120L * DAY);
        NumberAxis values = new NumberAxis(indicator.unit());
        values.setNumberFormatOverride(numbers(2));
        values.setAutoRangeIncludesZero(true);
        values.setUpperMargin(0.15);

        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, time, values, lines);
        String title = indicator.code() + " \u00b7 " + indicator.name();
        JFreeChart chart = new JFreeChart(title, DocumentFonts.AWT_BOLD.deriveFont(9f), plot, true);
        DocumentCharts.style(chart);
        // the theme resets series paints and strokes: set them after it
        lines.setSeriesPaint(0, PLAN_LINE);
        lines.setSeriesStroke(0, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 3f}, 0f));
        lines.setSeriesShape(0, new Rectangle2D.Double(-3, -3, 6, 6));
        lines.setSeriesPaint(1, ACTUAL_LINE);
        lines.setSeriesStroke(1, new BasicStroke(2f));
        lines.setSeriesShape(1, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        SimpleDateFormat day = new SimpleDateFormat("dd.MM.yyyy", Locale.ROOT);
        day.setTimeZone(UTC);
        lines.setDefaultItemLabelGenerator(new StandardXYItemLabelGenerator("{2}", day, numbers(2)));
        lines.setDefaultItemLabelsVisible(true);
        lines.setDefaultItemLabelFont(DocumentFonts.AWT_REGULAR.deriveFont(7f));
        // plan labels above left, actual labels below right: where both have a point on one day, both stay legible
        lines.setSeriesPositiveItemLabelPosition(0, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE11,
                TextAnchor.BOTTOM_RIGHT));
        lines.setSeriesPositiveItemLabelPosition(1, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE5,
                TextAnchor.TOP_LEFT));
        plot.setRangeGridlinePaint(new Color(0xD0, 0xD0, 0xD0));
        plot.setDomainGridlinePaint(new Color(0xE4, 0xE4, 0xE4));
        return chart;
    }

    private static final long DAY = 86_400_000L;

    private NumberFormat numbers(int maxDecimals) {
        return DocumentCharts.axisNumbers(Formats.of(wording.language()), maxDecimals);
    }

    private static BigDecimal decimal(String money) {
        return money == null ? null : new BigDecimal(money);
    }

    private static long millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
