package hv.publish;

import static hv.publish.Html.esc;
import static hv.publish.Html.xy;

import hv.marts.evaluation.FunnelLimits;
import hv.publish.Report.Comparison;
import hv.publish.Report.Figure;
import hv.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The inline SVG charts of report.html, drawn from the published figures (coordinates to 0.1 px: deterministic text). */
final class ReportCharts {

  /** Shared definitions, once per page: the hatch of suppressed cells. */
  static final String DEFS = "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>"
      + "<pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
      + "<rect width=\"6\" height=\"6\" fill=\"#eceff3\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#cfd6de\" "
      + "stroke-width=\"3\"/></pattern></defs></svg>\n";

  private ReportCharts() {}

  /** A linear map from a domain to pixels. */
  private record Scale(double d0, double d1, double r0, double r1) {
    double at(double v) {
      return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
    }
  }

  /** The smallest of 1, 2, 2.5, 5 × 10^k at or above v. */
  static double niceCeil(double v) {
    if (v <= 0) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v - 1e-12) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** A tick step of 1, 2 or 5 × 10^k giving about four steps up to v. */
  static double tickStep(double v) {
    double raw = Math.max(v, 1e-9) / 4;
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5}) {
      if (m * p >= raw - 1e-12) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** Upper end of a rate axis: 100% for shares, a nice number above the interval for a rate per child. */
  private static double rateMax(boolean perUnit, double highest) {
    return perUnit ? niceCeil(Math.max(highest * 1.1, 0.01)) : 1.0;
  }

  // ---- one rate on a strip (benchmark tables) ----

  private static final int STRIP_W = 230;
  private static final int STRIP_H = 24;

  static String rateStrip(Figure f, boolean perUnit, Double stateRate) {
    double high = Math.max(f.ciHigh() == null ? f.rate() : f.ciHigh(), stateRate == null ? 0 : stateRate);
    Scale x = new Scale(0, rateMax(perUnit, high), 4, STRIP_W - 4);
    StringBuilder s = svg(STRIP_W, STRIP_H, "rate " + Html.rate(f.rate(), perUnit));
    for (int i = 0; i <= 4; i++) {
      double gx = x.at(x.d1() * i / 4);
      s.append(line(gx, 4, gx, STRIP_H - 4, "grid-line"));
    }
    s.append(line(x.r0(), STRIP_H / 2.0, x.r1(), STRIP_H / 2.0, "axis"));
    if (f.ciLow() != null && f.ciHigh() != null) {
      s.append(line(x.at(f.ciLow()), STRIP_H / 2.0, x.at(f.ciHigh()), STRIP_H / 2.0, "ci"));
    }
    if (stateRate != null) {
      s.append(line(x.at(stateRate), 3, x.at(stateRate), STRIP_H - 3, "state-tick"));
    }
    s.append("<circle class=\"dot\" cx=\"").append(xy(x.at(f.rate()))).append("\" cy=\"").append(xy(STRIP_H / 2.0))
        .append("\" r=\"5\"/>");
    return s.append("</svg>").toString();
  }

  static String suppressedStrip() {
    return svg(STRIP_W, STRIP_H, "suppressed").append("<rect class=\"hatch\" x=\"4\" y=\"7\" width=\"")
        .append(STRIP_W - 8).append("\" height=\"10\" rx=\"3\"/></svg>").toString();
  }

  // ---- rate card achievement by stratum ----

  private static final int STRATA_W = 540;
  private static final int LABEL_W = 190;
  private static final int BAR_W = 230;
  private static final int ROW = 19;
  private static final int HEAD = 24;

  /** One bar per stratum value, grouped by dimension, with the state's overall rate as a dashed line. */
  static String strata(Figure overall, List<Figure> rows) {
    List<String> dimensions = rows.stream().map(Figure::stratum).distinct().toList();
    int height = 22 + dimensions.size() * HEAD + rows.size() * ROW + 6;
    Scale x = new Scale(0, 1, LABEL_W, LABEL_W + BAR_W);
    StringBuilder s = svg(STRATA_W, height, "achievement by stratum");
    for (int i = 0; i <= 4; i++) {
      double gx = x.at(i / 4.0);
      s.append(line(gx, 16, gx, height - 4, "grid-line"))
          .append(text(gx, 11, "middle", "", (i * 25) + "%"));
    }
    double y = 22;
    for (String dimension : dimensions) {
      s.append(text(4, y + 16, "start", "head", ReportLabels.dimension(dimension)));
      y += HEAD;
      for (Figure f : rows) {
        if (!f.stratum().equals(dimension)) {
          continue;
        }
        double mid = y + ROW / 2.0;
        s.append(text(LABEL_W - 8, mid + 4, "end", "label", ReportLabels.value(f.value())));
        if (f.suppressed()) {
          s.append("<rect class=\"hatch\" x=\"").append(xy(x.r0())).append("\" y=\"").append(xy(mid - 5))
              .append("\" width=\"").append(BAR_W).append("\" height=\"10\" rx=\"2\"/>")
              .append(text(x.r1() + 8, mid + 4, "start", "", "suppressed"));
        } else if (!f.shown()) {
          s.append(text(x.r0() + 4, mid + 4, "start", "", "no eligible episodes"));
        } else {
          s.append("<rect class=\"bar\" x=\"").append(xy(x.r0())).append("\" y=\"").append(xy(mid - 6))
              .append("\" width=\"").append(xy(Math.max(x.at(f.rate()) - x.r0(), 1))).append("\" height=\"12\" rx=\"2\"/>");
          if (f.ciLow() != null && f.ciHigh() != null) {
            s.append(line(x.at(f.ciLow()), mid, x.at(f.ciHigh()), mid, "whisker"))
                .append(line(x.at(f.ciLow()), mid - 3, x.at(f.ciLow()), mid + 3, "whisker"))
                .append(line(x.at(f.ciHigh()), mid - 3, x.at(f.ciHigh()), mid + 3, "whisker"));
          }
          s.append("<text x=\"").append(xy(x.r1() + 8)).append("\" y=\"").append(xy(mid + 4))
              .append("\"><tspan class=\"value\">").append(Html.rate(f.rate(), false)).append("</tspan>  ")
              .append(Html.svgCount(f.numerator())).append(" of ").append(Html.svgCount(f.denominator()))
              .append("</text>");
        }
        y += ROW;
      }
    }
    if (overall != null && overall.shown()) {
      double ox = x.at(overall.rate());
      s.append(line(ox, 16, ox, height - 4, "state-line"));
    }
    return s.append("</svg>").toString();
  }

  // ---- funnel plot ----

  private static final int FUNNEL_W = 360;
  private static final int FUNNEL_H = 250;

  /** Programs' rates against their units, inside the exact binomial limits around the state rate. */
  static String funnel(List<Comparison> programs, Function<String, String> names) {
    Double stateRate = programs.stream().map(Comparison::stateRate).filter(r -> r != null).findFirst().orElse(null);
    long maxUnits = programs.stream().filter(c -> !c.suppressed()).mapToLong(Comparison::units).max().orElse(0);
    double reach = Math.max(maxUnits * 1.05, FunnelLimits.MIN_UNITS * 2);
    long step = Math.max(1, Math.round(tickStep(reach)));
    Scale x = new Scale(0, step * Math.ceil(reach / step), 46, FUNNEL_W - 12);
    Scale y = new Scale(0, 1, FUNNEL_H - 36, 10);
    StringBuilder s = svg(FUNNEL_W, FUNNEL_H, "funnel plot");
    for (int i = 0; i <= 4; i++) {
      double gy = y.at(i / 4.0);
      s.append(line(x.r0(), gy, x.r1(), gy, "grid-line")).append(text(x.r0() - 6, gy + 4, "end", "", (i * 25) + "%"));
    }
    for (long t = 0; t <= x.d1(); t += step) {
      double gx = x.at(t);
      s.append(line(gx, y.r1(), gx, y.r0(), "grid-line")).append(text(gx, y.r0() + 15, "middle", "", String.valueOf(t)));
    }
    s.append(text((x.r0() + x.r1()) / 2, FUNNEL_H - 4, "middle", "", "units (denominator)"));
    if (stateRate != null) {
      long from = FunnelLimits.MIN_UNITS;
      long to = Math.round(x.d1());
      long every = Math.max(1, (to - from) / 120);
      List<double[]> limits = new ArrayList<>();
      for (long n = from; n <= to; n += every) {
        double[] l = FunnelLimits.limits(n, stateRate);
        limits.add(new double[] {n, l[0], l[1], l[2], l[3]});
      }
      s.append(band(limits, x, y, 3, 4, "band-998")).append(band(limits, x, y, 1, 2, "band-95"));
      for (int k = 1; k <= 4; k++) {
        s.append(polyline(limits, x, y, k, "limit"));
      }
      s.append(line(x.r0(), y.at(stateRate), x.r1(), y.at(stateRate), "state-line"))
          .append(text(x.r1() - 2, y.at(stateRate) - 5, "end", "label", "state " + Html.rate(stateRate, false)));
    }
    double middle = y.r1() + 22; // near the top: the state's line and the funnel are mostly lower
    if (stateRate == null) {
      s.append(text((x.r0() + x.r1()) / 2, middle, "middle", "", "state rate suppressed: no limits"));
    }
    if (programs.stream().allMatch(c -> c.suppressed() || c.rate() == null)) {
      s.append(text((x.r0() + x.r1()) / 2, middle + 16, "middle", "", "no program with published figures"));
    }
    for (Comparison c : programs) {
      if (c.suppressed() || c.rate() == null) {
        continue;
      }
      Report.Standing standing = c.standing();
      s.append("<circle class=\"point ").append(standing.css).append("\" cx=\"").append(xy(x.at(c.units())))
          .append("\" cy=\"").append(xy(y.at(c.rate()))).append("\" r=\"5\"><title>")
          .append(esc(c.entity() + " " + names.apply(c.entity()) + ": " + Html.rate(c.rate(), false) + ", "
              + standing.meaning))
          .append("</title></circle>");
    }
    return s.append("</svg>").toString();
  }

  private static String band(List<double[]> limits, Scale x, Scale y, int low, int high, String css) {
    StringBuilder points = new StringBuilder();
    for (double[] l : limits) {
      points.append(xy(x.at(l[0]))).append(',').append(xy(y.at(l[high]))).append(' ');
    }
    for (int i = limits.size() - 1; i >= 0; i--) {
      double[] l = limits.get(i);
      points.append(xy(x.at(l[0]))).append(',').append(xy(y.at(l[low]))).append(' ');
    }
    return "<polygon class=\"" + css + "\" points=\"" + points.toString().trim() + "\"/>";
  }

  private static String polyline(List<double[]> limits, Scale x, Scale y, int k, String css) {
    StringBuilder points = new StringBuilder();
    for (double[] l : limits) {
      points.append(xy(x.at(l[0]))).append(',').append(xy(y.at(l[k]))).append(' ');
    }
    return "<polyline class=\"" + css + "\" points=\"" + points.toString().trim() + "\"/>";
  }

  // ---- trend ----

  private static final int TREND_W = 270;
  private static final int TREND_H = 130;

  /** The state's rate over the periods, with its 95% band; a suppressed period leaves a gap. */
  static String trend(List<Period> periods, List<Figure> series, boolean perUnit) {
    StringBuilder s = svg(TREND_W, TREND_H, "trend");
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      if (series.get(i) != null && series.get(i).shown()) {
        shown.add(i);
      }
    }
    if (shown.isEmpty()) {
      return s.append(text(TREND_W / 2.0, TREND_H / 2.0, "middle", "", "no published figures")).append("</svg>").toString();
    }
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (int i : shown) {
      Figure f = series.get(i);
      lo = Math.min(lo, f.ciLow() == null ? f.rate() : f.ciLow());
      hi = Math.max(hi, f.ciHigh() == null ? f.rate() : f.ciHigh());
    }
    double unit = perUnit ? niceCeil(Math.max(hi - lo, 0.01)) / 4 : 0.1;
    double d0 = Math.max(0, Math.floor(lo / unit) * unit);
    double d1 = Math.ceil(hi / unit) * unit;
    if (!perUnit) {
      d1 = Math.min(1, d1);
    }
    if (d1 <= d0) {
      d1 = d0 + unit;
    }
    Scale x = new Scale(0, Math.max(1, periods.size() - 1), 40, TREND_W - 14);
    Scale y = new Scale(d0, d1, TREND_H - 26, 8);
    for (double v : new double[] {d0, (d0 + d1) / 2, d1}) {
      s.append(line(x.r0(), y.at(v), x.r1(), y.at(v), "grid-line"))
          .append(text(x.r0() - 5, y.at(v) + 4, "end", "", perUnit ? String.format(java.util.Locale.ROOT, "%.2f", v)
              : String.format(java.util.Locale.ROOT, "%.0f%%", v * 100)));
    }
    // every period named when there are few (years), else the first and the last (quarters)
    for (int i = 0; i < periods.size(); i++) {
      boolean few = periods.size() <= 5;
      if (few || i == 0 || i == periods.size() - 1) {
        String anchor = i == 0 ? "start" : i == periods.size() - 1 ? "end" : "middle";
        s.append(text(x.at(i), TREND_H - 8, anchor, "", periods.get(i).nameParts().shortName()));
      }
    }
    for (List<Integer> run : runs(shown)) {
      StringBuilder upper = new StringBuilder();
      StringBuilder lower = new StringBuilder();
      StringBuilder path = new StringBuilder();
      for (int i : run) {
        Figure f = series.get(i);
        String px = xy(x.at(i));
        upper.append(px).append(',').append(xy(y.at(f.ciHigh() == null ? f.rate() : f.ciHigh()))).append(' ');
        path.append(path.length() == 0 ? "M" : " L").append(px).append(',').append(xy(y.at(f.rate())));
      }
      for (int k = run.size() - 1; k >= 0; k--) {
        Figure f = series.get(run.get(k));
        lower.append(xy(x.at(run.get(k)))).append(',').append(xy(y.at(f.ciLow() == null ? f.rate() : f.ciLow())))
            .append(' ');
      }
      if (run.size() > 1) {
        s.append("<polygon class=\"trend-band\" points=\"").append((upper.toString() + lower).trim()).append("\"/>")
            .append("<path class=\"trend-line\" d=\"").append(path).append("\"/>");
      }
    }
    for (int i : shown) {
      Figure f = series.get(i);
      s.append("<circle class=\"dot\" cx=\"").append(xy(x.at(i))).append("\" cy=\"").append(xy(y.at(f.rate())))
          .append("\" r=\"3.5\"><title>").append(esc(periods.get(i).name() + ": " + Html.rate(f.rate(), perUnit)))
          .append("</title></circle>");
    }
    int last = shown.get(shown.size() - 1);
    Figure lastFigure = series.get(last);
    String lastText = Html.rate(lastFigure.rate(), perUnit)
        + (last == periods.size() - 1 ? "" : " in " + periods.get(last).nameParts().shortName());
    s.append(text(Math.max(x.at(last), x.r0() + 90), Math.max(y.at(lastFigure.rate()) - 8, 10), "end", "value", lastText));
    return s.append("</svg>").toString();
  }

  /** Consecutive indexes, split where one is missing. */
  private static List<List<Integer>> runs(List<Integer> indexes) {
    List<List<Integer>> runs = new ArrayList<>();
    for (int i : indexes) {
      if (runs.isEmpty() || runs.get(runs.size() - 1).get(runs.get(runs.size() - 1).size() - 1) != i - 1) {
        runs.add(new ArrayList<>());
      }
      runs.get(runs.size() - 1).add(i);
    }
    return runs;
  }

  // ---- primitives ----

  private static StringBuilder svg(int width, int height, String label) {
    return new StringBuilder(1024).append("<svg width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"").append(esc(label)).append("\">");
  }

  private static String line(double x1, double y1, double x2, double y2, String css) {
    return "<line class=\"" + css + "\" x1=\"" + xy(x1) + "\" y1=\"" + xy(y1) + "\" x2=\"" + xy(x2) + "\" y2=\""
        + xy(y2) + "\"/>";
  }

  private static String text(double x, double y, String anchor, String css, String text) {
    return "<text" + (css.isEmpty() ? "" : " class=\"" + css + "\"") + " x=\"" + xy(x) + "\" y=\"" + xy(y)
        + "\" text-anchor=\"" + anchor + "\">" + esc(text) + "</text>";
  }
}
