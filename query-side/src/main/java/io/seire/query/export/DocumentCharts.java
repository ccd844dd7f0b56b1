package io.seire.query.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The charts of Seire's PDFs, drawn with JFreeChart onto any {@link Graphics2D} (in a PDF: vector drawing through
 * OpenPDF, text in the embedded font), in one style. Every format, time zone and locale is given here, none taken
 * from the JVM.
 */
public final class DocumentCharts {

    public static final Color PLANNED = new Color(0xB8, 0xC9, 0xDC);
    public static final Color SPENT = new Color(0x1F, 0x4E, 0x79);

    /** A bar pair of a chart: what was planned, what was reached, and the label written at the second bar's end. */
    public record Bar(String category, BigDecimal planned, BigDecimal reached, String label) {
    }

    private DocumentCharts() {
    }

    /**
     * Horizontal bar pairs, one per category: the plan beside what was reached (spent, achieved), with the label (an
     * execution percentage) at the end of the second bar.
     */
    public static JFreeChart bars(List<Bar> bars, String plannedName, String reachedName, String axis,
                                  Formats formats) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bar bar : bars) {
            data.addValue(amount(bar.planned()), plannedName, bar.category());
            data.addValue(amount(bar.reached()), reachedName, bar.category());
        }
        CategoryAxis categories = new CategoryAxis(null);
        NumberAxis values = new NumberAxis(axis);
        values.setNumberFormatOverride(axisNumbers(formats, 0));
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.08);
        renderer.setDefaultItemLabelsVisible(false);
        renderer.setSeriesItemLabelsVisible(1, true);
        renderer.setSeriesItemLabelGenerator(1, new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                return bars.get(column).label();
            }
        });
        renderer.setSeriesPositiveItemLabelPosition(1, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        values.setUpperMargin(0.12);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        JFreeChart chart = new JFreeChart(null, DocumentFonts.AWT_BOLD.deriveFont(10f), plot, true);
        style(chart);
        // the theme resets series paints: set them after it
        renderer.setSeriesPaint(0, PLANNED);
        renderer.setSeriesPaint(1, SPENT);
        renderer.setDefaultItemLabelFont(DocumentFonts.AWT_REGULAR.deriveFont(7f));
        plot.setRangeGridlinePaint(new Color(0xD0, 0xD0, 0xD0));
        return chart;
    }

    public static void draw(JFreeChart chart, Graphics2D g2, float width, float height) {
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        g2.dispose();
    }

    /** The one look of every chart: the documents' font, white ground, no shadows, the legend below, unframed. */
    public static void style(JFreeChart chart) {
        Font title = chart.getTitle() == null ? DocumentFonts.AWT_BOLD.deriveFont(9f) : chart.getTitle().getFont();
        StandardChartTheme theme = new StandardChartTheme("seire");
        theme.setExtraLargeFont(title);
        theme.setLargeFont(DocumentFonts.AWT_REGULAR.deriveFont(8f));
        theme.setRegularFont(DocumentFonts.AWT_REGULAR.deriveFont(8f));
        theme.setSmallFont(DocumentFonts.AWT_REGULAR.deriveFont(7f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        theme.apply(chart);
        // room at the right for the last tick's label, which is centred on the plot's edge
        chart.setPadding(new RectangleInsets(2, 2, 2, 18));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
        }
    }

    /** An axis's numbers: thousands apart, at most {@code maxDecimals} decimals, the language's marks. */
    public static NumberFormat axisNumbers(Formats formats, int maxDecimals) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(Locale.ROOT);
        format.applyPattern(maxDecimals == 0 ? "#,##0" : "#,##0." + "#".repeat(maxDecimals));
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(formats.decimalMark());
        symbols.setGroupingSeparator(formats.grouping());
        format.setDecimalFormatSymbols(symbols);
        return format;
    }

    private static double amount(BigDecimal value) {
        return value == null ? 0 : value.doubleValue();
    }
}
