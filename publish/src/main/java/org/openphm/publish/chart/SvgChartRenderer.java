package org.openphm.publish.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.CategoryLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.openphm.model.AreaType;
import org.openphm.publish.results.Numbers;

/**
 * Draws a resolved {@link Chart} for print as SVG with JFreeChart: the charts of the HTML pack and, through
 * openhtmltopdf, the PDF. Tables are not charts and return nothing (the page writer draws them as HTML).
 */
public final class SvgChartRenderer {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 380;
    private static final String FONT = "DejaVu Sans";
    /**
     * Element ids in one HTML page must be unique across every inline SVG: numbered per renderer (a page has
     * its own), so a page's ids do not depend on what else the process drew before or beside it.
     */
    private final AtomicInteger sequence = new AtomicInteger();

    public Optional<String> svg(Chart chart) {
        JFreeChart jfree;
        if (chart instanceof Chart.Bars b) {
            jfree = bars(b);
        } else if (chart instanceof Chart.Lines l) {
            jfree = lines(l);
        } else if (chart instanceof Chart.Pyramid p) {
            jfree = pyramid(p);
        } else if (chart instanceof Chart.Heatmap h) {
            jfree = heatmap(h);
        } else if (chart instanceof Chart.Spc s) {
            jfree = spc(s);
        } else if (chart instanceof Chart.Waterfall w) {
            jfree = waterfall(w);
        } else {
            return Optional.empty();
        }
        style(jfree, chart);
        int height = chart instanceof Chart.Heatmap h
                ? Math.max(HEIGHT, 120 + 28 * h.rows().size())
                : HEIGHT;
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, height);
        String prefix = "c" + sequence.incrementAndGet();
        g2.setDefsKeyPrefix(prefix);
        g2.setGeomDoubleConverter(SvgChartRenderer::hundredths);
        g2.setTransformDoubleConverter(SvgChartRenderer::hundredths);
        jfree.draw(g2, new Rectangle(0, 0, WIDTH, height));
        return Optional.of(integerSize(g2.getSVGElement(prefix, true, new ViewBox(0, 0, WIDTH, height), null, null)));
    }

    /**
     * Coordinates to a hundredth of a pixel: JFreeSVG writes every double in full ("401.6257019042969"), which
     * made the self-contained HTML pack tens of megabytes with no visible difference.
     */
    static String hundredths(double d) {
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        double r = Math.round(d * 100) / 100.0;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    /**
     * JFreeSVG writes the root's width and height as decimals ("720.0"); the PDF renderer reads them as integers
     * and logged a warning per chart. The sizes are whole pixels, so they are written as such.
     */
    static String integerSize(String svg) {
        int end = svg.indexOf('>');
        return svg.substring(0, end).replaceAll("\\b(width|height)=(['\"])(\\d+)\\.0['\"]", "$1=$2$3$2")
                + svg.substring(end);
    }

    private static void style(JFreeChart chart, Chart source) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTitle(new TextTitle(source.title(), new Font(FONT, Font.BOLD, 14)));
        if (source.subtitle() != null && !source.subtitle().isBlank()) {
            chart.addSubtitle(new TextTitle(source.subtitle(), new Font(FONT, Font.PLAIN, 11)));
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(FONT, Font.PLAIN, 11));
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        if (chart.getPlot() instanceof CategoryPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xdddddd));
            p.getDomainAxis().setTickLabelFont(new Font(FONT, Font.PLAIN, 10));
            p.getRangeAxis().setTickLabelFont(new Font(FONT, Font.PLAIN, 10));
            p.getDomainAxis().setLabelFont(new Font(FONT, Font.PLAIN, 11));
            p.getRangeAxis().setLabelFont(new Font(FONT, Font.PLAIN, 11));
        } else if (chart.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xdddddd));
            p.getDomainAxis().setTickLabelFont(new Font(FONT, Font.PLAIN, 10));
            p.getRangeAxis().setTickLabelFont(new Font(FONT, Font.PLAIN, 10));
            p.getDomainAxis().setLabelFont(new Font(FONT, Font.PLAIN, 11));
            p.getRangeAxis().setLabelFont(new Font(FONT, Font.PLAIN, 11));
        }
    }

    /** DP 5.x: bars by Place with 95% CI whiskers, coloured by significance, comparators as lines. */
    private static JFreeChart bars(Chart.Bars b) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Chart.Bar bar : b.bars()) {
            data.addValue(bar.value(), "value", bar.label());
        }
        CategoryPlot plot =
                new CategoryPlot(data, new CategoryAxis(b.xLabel()), new NumberAxis(b.yLabel()), new BarRenderer() {
                    @Override
                    public Paint getItemPaint(int row, int column) {
                        return Palette.awt(b.bars().get(column).comparison().colour());
                    }
                });
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        for (Chart.Bar bar : b.bars()) {
            if (bar.lower() != null && bar.upper() != null) {
                plot.addAnnotation(new CategoryLineAnnotation(
                        bar.label(), bar.lower(), bar.label(), bar.upper(), Color.BLACK, new BasicStroke(1.5f)));
            }
        }
        int i = 0;
        for (Chart.Reference r : b.references()) {
            ValueMarker marker = new ValueMarker(
                    r.value(),
                    AreaType.ENGLAND.label().equals(r.label())
                            ? Palette.awt(Palette.ENGLAND)
                            : Palette.awt(Palette.PARENT),
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel(Palette.shortAreaName(r.label()) + " " + Numbers.display(String.valueOf(r.value())));
            marker.setLabelFont(new Font(FONT, Font.PLAIN, 10));
            // the label sits over the bars; a white ground keeps it legible where it crosses one
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            // Alternate sides so England and the ICB labels never overlap when their values are close.
            boolean left = i++ % 2 == 0;
            marker.setLabelAnchor(left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(left ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(marker);
        }
        includeAll(
                plot,
                b.bars().stream()
                        .flatMap(x -> java.util.stream.Stream.of(x.lower(), x.upper(), x.value()))
                        .toList(),
                b.references().stream().map(Chart.Reference::value).toList());
        if (b.bars().size() > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        // "Most deprived quintile (IMD2019)" wraps onto lines under its bar instead of being cut to "Most depriv..."
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    /** Bars start at zero (lengths must be honest) and the axis covers whiskers and comparator lines. */
    private static void includeAll(CategoryPlot plot, List<Double> values, List<Double> references) {
        double max = 0;
        for (Double v : values) {
            if (v != null) {
                max = Math.max(max, v);
            }
        }
        for (Double v : references) {
            max = Math.max(max, v);
        }
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setAutoRangeIncludesZero(true);
        if (max > 0) {
            axis.setRange(0, max * 1.08);
        }
    }

    /**
     * Trends (with England and the ICB dashed) and projections to 2043. A focus series that carries limits gets
     * them as a shaded band (a 95% interval, so a reader sees whether a change is more than noise, or what the
     * chart's {@code band} says, such as a projection's spread over its Monte Carlo runs).
     */
    private static JFreeChart lines(Chart.Lines l) {
        XYSeriesCollection lines = new XYSeriesCollection();
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, l.x().size() <= 40);
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setAlpha(0.16f);
        int focus = 0;
        int benchmark = 0;
        for (int i = 0; i < l.series().size(); i++) {
            Chart.Series s = l.series().get(i);
            Color colour = Palette.awt(Palette.colour(
                    s,
                    s.role() == Chart.SeriesRole.FOCUS
                            ? focus++
                            : s.role() == Chart.SeriesRole.BENCHMARK ? benchmark++ : 0));
            XYSeries line = new XYSeries(s.name(), false, true);
            for (int k = 0; k < l.x().size(); k++) {
                // a suppressed value is a gap in the line, never a zero
                line.add(k, s.values().get(k) == null ? Double.NaN : s.values().get(k));
            }
            lines.addSeries(line);
            lineRenderer.setSeriesPaint(i, colour);
            lineRenderer.setSeriesStroke(
                    i,
                    s.role() == Chart.SeriesRole.FOCUS
                            ? new BasicStroke(2.2f)
                            : new BasicStroke(
                                    1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            if (s.role() == Chart.SeriesRole.FOCUS) {
                for (YIntervalSeries band : CiBand.segments(s, l.x().size())) {
                    int b = bands.getSeriesCount();
                    bands.addSeries(band);
                    bandRenderer.setSeriesFillPaint(b, colour);
                    bandRenderer.setSeriesPaint(b, colour);
                    // one legend entry explains every band
                    bandRenderer.setSeriesVisibleInLegend(b, b == 0);
                }
            }
        }
        bandRenderer.setLegendItemLabelGenerator((d, series) -> "Shaded: " + l.bandCaption());
        NumberAxis y = new NumberAxis(l.yLabel());
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(lines, PeriodAxis.of(l.xLabel(), l.x()), y, lineRenderer);
        if (bands.getSeriesCount() > 0) {
            plot.setDataset(1, bands);
            plot.setRenderer(1, bandRenderer);
            // bands behind the lines
            plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        }
        plot.setDomainGridlinesVisible(false);
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    /**
     * A waterfall: each step a bar from its lower to its upper edge (an interval bar, so a bar below zero needs
     * no stacking), labelled with its figure, since print has no tooltip.
     */
    private static JFreeChart waterfall(Chart.Waterfall w) {
        int n = w.steps().size();
        Number[][] low = new Number[1][n];
        Number[][] high = new Number[1][n];
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            Chart.Step s = w.steps().get(i);
            low[0][i] = s.low();
            high[0][i] = s.high();
            labels[i] = s.label();
        }
        DefaultIntervalCategoryDataset data =
                new DefaultIntervalCategoryDataset(new String[] {"steps"}, labels, low, high);
        IntervalBarRenderer renderer = new IntervalBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return Palette.awt(Palette.step(w.steps().get(column)));
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                // the axis carries the unit; a step that changes nothing is left blank so the others can be read
                Chart.Step s = w.steps().get(column);
                if (s.kind() != Chart.StepKind.TOTAL && s.value() == 0) {
                    return "";
                }
                return s.kind() == Chart.StepKind.TOTAL
                        ? org.openphm.publish.text.ValueFormat.withUnit(s.value(), "")
                        : org.openphm.publish.text.ValueFormat.signed(s.value(), "");
            }
        });
        renderer.setDefaultItemLabelFont(new Font(FONT, Font.PLAIN, 10));
        renderer.setDefaultItemLabelsVisible(true);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(w.xLabel()), new NumberAxis(w.yLabel()), renderer);
        LegendItemCollection legend = new LegendItemCollection();
        Palette.stepLegend(w.steps()).forEach((name, colour) -> legend.add(new LegendItem(name, Palette.awt(colour))));
        plot.setFixedLegendItems(legend);
        // the labels above the bars need room under the top of the axis
        plot.getRangeAxis().setUpperMargin(0.12);
        if (n > 6) {
            // many steps read best as rows, their names at the left in full
            plot.setOrientation(org.jfree.chart.plot.PlotOrientation.HORIZONTAL);
            renderer.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                    org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
            renderer.setMaximumBarWidth(0.6);
        }
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    /** DP 1.2: population pyramid, males to the left (negative), oldest band at the top. */
    private static JFreeChart pyramid(Chart.Pyramid p) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = p.bands().size() - 1; i >= 0; i--) {
            String band = p.bands().get(i);
            data.addValue(p.male().get(i) == null ? null : -p.male().get(i), "Male", band);
            data.addValue(p.female().get(i), "Female", band);
        }
        NumberAxis axis = new NumberAxis(p.unit().isBlank() ? "People" : p.unit());
        axis.setNumberFormatOverride(new AbsoluteFormat());
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, Palette.awt(Palette.MALE));
        renderer.setSeriesPaint(1, Palette.awt(Palette.FEMALE));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("Age band"), axis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        double max = 0;
        for (int i = 0; i < p.bands().size(); i++) {
            max = Math.max(
                    max,
                    Math.max(
                            Objects.requireNonNullElse(p.male().get(i), 0.0),
                            Objects.requireNonNullElse(p.female().get(i), 0.0)));
        }
        if (max > 0) {
            axis.setRange(-max * 1.05, max * 1.05);
        }
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    /** DP 3.11: multimorbidity matrix, each cell labelled with its value. */
    private static JFreeChart heatmap(Chart.Heatmap h) {
        int n = h.rows().size() * h.columns().size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] zs = new double[n];
        double max = 0;
        int k = 0;
        for (int r = 0; r < h.rows().size(); r++) {
            for (int c = 0; c < h.columns().size(); c++) {
                Double v = h.values().get(r).get(c);
                xs[k] = c;
                ys[k] = h.rows().size() - 1 - r; // first row at the top, as in the DP's matrix
                // The diagonal (a condition with itself) is greyed out so it does not set the colour scale.
                boolean diagonal = h.rows().get(r).equals(h.columns().get(c));
                zs[k] = v == null || diagonal ? Double.NaN : v;
                if (v != null && !diagonal) {
                    max = Math.max(max, v);
                }
                k++;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("matrix", new double[][] {xs, ys, zs});
        SymbolAxis x = new SymbolAxis(null, h.columns().toArray(new String[0]));
        x.setVerticalTickLabels(true);
        List<String> reversed = new java.util.ArrayList<>(h.rows());
        java.util.Collections.reverse(reversed);
        SymbolAxis y = new SymbolAxis(null, reversed.toArray(new String[0]));
        XYBlockRenderer renderer = new XYBlockRenderer();
        double top = max;
        renderer.setPaintScale(new PaintScale() {
            @Override
            public double getLowerBound() {
                return 0;
            }

            @Override
            public double getUpperBound() {
                return top;
            }

            @Override
            public Paint getPaint(double value) {
                return Double.isNaN(value) ? Color.LIGHT_GRAY : Palette.heat(top == 0 ? 0 : value / top);
            }
        });
        XYPlot plot = new XYPlot(data, x, y, renderer);
        for (int i = 0; i < n; i++) {
            Double v = h.values().get(h.rows().size() - 1 - (int) ys[i]).get((int) xs[i]);
            if (v != null) {
                XYTextAnnotation label = new XYTextAnnotation(new DecimalFormat("0.0").format(v), xs[i], ys[i]);
                label.setFont(new Font(FONT, Font.PLAIN, 9));
                label.setPaint(top > 0 && zs[i] / top > 0.55 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(label);
            }
        }
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }

    /** DP 7.x: XmR chart, points coloured by special cause, limits dashed, target red. */
    private static JFreeChart spc(Chart.Spc s) {
        XYSeriesCollection data = new XYSeriesCollection();
        // The points are a series of their own (4), so that a special-cause colour marks the point and not
        // the line leading to it.
        List<List<Double>> columns = List.of(s.values(), s.centre(), s.lower(), s.upper(), s.values());
        List<String> names = List.of("Value", "Mean", "Lower process limit", "Upper process limit", "Points");
        for (int c = 0; c < columns.size(); c++) {
            XYSeries series = new XYSeries(names.get(c), false, true);
            for (int k = 0; k < s.x().size(); k++) {
                Double v = columns.get(c).get(k);
                series.add(k, v == null ? Double.NaN : v);
            }
            data.addSeries(series);
        }
        // Empty series after the points only name the special-cause colours in the legend.
        List<SpcPointType> legendTypes = s.specialCauseTypes();
        for (SpcPointType t : legendTypes) {
            data.addSeries(new XYSeries(t.legendName(), false, true));
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true) {
            @Override
            public Paint getItemPaint(int row, int column) {
                if (row == 4) {
                    return Palette.awt(s.pointTypes().get(column).colour());
                }
                return super.getItemPaint(row, column);
            }
        };
        renderer.setSeriesPaint(0, Palette.awt(Palette.SPC_LINE));
        renderer.setSeriesPaint(1, Palette.awt(Palette.SPC_MEAN));
        renderer.setSeriesPaint(2, Palette.awt(Palette.SPC_LIMIT));
        renderer.setSeriesPaint(3, Palette.awt(Palette.SPC_LIMIT));
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesLinesVisible(4, false);
        renderer.setSeriesShapesVisible(4, true);
        renderer.setSeriesVisibleInLegend(4, false);
        // JFreeChart gives each series its own default shape: the legend's marks must be the points' shape
        Shape dot = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
        renderer.setSeriesShape(4, dot);
        for (int k = 0; k < legendTypes.size(); k++) {
            renderer.setSeriesPaint(5 + k, Palette.awt(legendTypes.get(k).colour()));
            renderer.setSeriesShape(5 + k, dot);
            renderer.setSeriesLinesVisible(5 + k, false);
            renderer.setSeriesShapesVisible(5 + k, true);
        }
        renderer.setDrawOutlines(false);
        BasicStroke dashed =
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);
        renderer.setSeriesStroke(2, dashed);
        renderer.setSeriesStroke(3, dashed);
        for (int i = 1; i <= 3; i++) {
            renderer.setSeriesShapesVisible(i, false);
        }
        NumberAxis y = new NumberAxis(s.yLabel());
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, PeriodAxis.of(null, s.x()), y, renderer);
        plot.setDomainGridlinesVisible(false);
        if (s.target() != null) {
            ValueMarker target = new ValueMarker(s.target(), Palette.awt(Palette.TARGET), new BasicStroke(1.5f));
            target.setLabel("Target");
            target.setLabelFont(new Font(FONT, Font.PLAIN, 10));
            target.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            target.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(target);
        }
        return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    /** The pyramid's male side is negative only for drawing; labels show magnitudes. */
    private static final class AbsoluteFormat extends NumberFormat {
        private final DecimalFormat inner = new DecimalFormat("#,##0");

        @Override
        public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
            return inner.format(Math.abs(number), out, pos);
        }

        @Override
        public StringBuffer format(long number, StringBuffer out, FieldPosition pos) {
            return inner.format(Math.abs(number), out, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return inner.parse(source, pos);
        }
    }
}
