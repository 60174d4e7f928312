package hv.publish;

import static hv.publish.Html.count;
import static hv.publish.Html.esc;
import static org.apache.spark.sql.functions.col;

import hv.measures.MeasureFacts;
import hv.measures.MeasureFacts.MeasureSet;
import hv.time.Period;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code exports/<as-of>/report.html}: one self-contained page (inline CSS and SVG, one line
 * of inline script, nothing fetched) drawn from the published figures of one as-of date —
 * the state's benchmarks, each program's benchmarks and standing against the state, rate
 * card achievement by stratum, the funnel plot of every comparison code, and the state's
 * trends. The same figures give the same bytes. Decisions: docs/report-decisions.md.
 */
public final class Report {

  public static final String FILE = "report.html";

  private static final String STATE = "STATE";
  private static final String PROGRAM = "PROGRAM";
  private static final String ALL = "ALL";

  private Report() {}

  /** Writes the page atomically: a temporary file beside {@code file}, then renamed over it. */
  public static void write(Path file, ReportFigures figures) {
    String html = render(figures);
    try {
      Files.createDirectories(file.getParent());
      // a sibling (same file system, so the rename is atomic) with the umask's permissions, unlike createTempFile's 0600
      Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
      try {
        Files.writeString(temp, html, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The page of the figures. */
  public static String render(ReportFigures figures) {
    return new Page(Collected.of(figures)).html();
  }

  // ---- the figures, collected (a few thousand aggregate rows) ----

  /** One published rate: suppressed when a count is empty. */
  record Figure(String period, String entity, String stratum, String value, String code,
                Long numerator, Long denominator, Double rate, Double ciLow, Double ciHigh) {

    boolean suppressed() {
      return numerator == null || denominator == null;
    }

    /** A rate that can be shown (published and with units). */
    boolean shown() {
      return !suppressed() && rate != null;
    }
  }

  /** One program's row of marts.provider_comparison. */
  record Comparison(String period, String code, String entity, Long units, Long observed, Double rate,
                    Double stateRate, String flag, boolean lowerIsBetter) {

    boolean suppressed() {
      return units == null || observed == null;
    }

    Standing standing() {
      if (suppressed()) {
        return Standing.SUPPRESSED;
      }
      if (flag == null || rate == null) {
        return units > 0 ? Standing.NOT_COMPARED : Standing.NONE;
      }
      boolean high = stateRate != null && rate > stateRate;
      boolean good = high != lowerIsBetter;
      return switch (flag) {
        case "ABOVE", "BELOW" -> good ? Standing.BETTER : Standing.WORSE;
        case "WATCH" -> good ? Standing.WATCH_BETTER : Standing.WATCH_WORSE;
        case "WITHIN" -> Standing.WITHIN;
        default -> Standing.TOO_FEW;
      };
    }
  }

  /** A program's standing against the state on the funnel plot, by merit (direction of "better" per code). */
  enum Standing {
    BETTER("better", "better", "better than the state (outside the 99.8% limits)"),
    WATCH_BETTER("watch-better", "watch: better", "better, between the 95% and 99.8% limits"),
    WITHIN("within", "within", "within the 95% limits"),
    WATCH_WORSE("watch-worse", "watch: worse", "worse, between the 95% and 99.8% limits"),
    WORSE("worse", "worse", "worse than the state (outside the 99.8% limits)"),
    TOO_FEW("too-few", "too few units", "fewer than 20 units: shown, not compared"),
    SUPPRESSED("suppressed", "suppressed", "small counts suppressed"),
    NOT_COMPARED("none", "not compared", "the state's rate is suppressed: not compared"),
    NONE("none", "no units", "no units");

    final String css;
    final String label;
    final String meaning;

    Standing(String css, String label, String meaning) {
      this.css = css;
      this.label = label;
      this.meaning = meaning;
    }
  }

  /** Periods by their last day; of two ending the same day, the longer one last. */
  static final Comparator<Period> BY_END = Comparator.comparing(Period::end)
      .thenComparing(Period::start, Comparator.reverseOrder());

  /** Text order with digit runs compared as numbers (P-2 before P-10); plain text order breaks ties. */
  static final Comparator<String> NATURAL = (a, b) -> {
    Matcher ma = Pattern.compile("\\d+|\\D+").matcher(a);
    Matcher mb = Pattern.compile("\\d+|\\D+").matcher(b);
    while (ma.find() && mb.find()) {
      String x = ma.group();
      String y = mb.group();
      int c = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))
          ? new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y)) : x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return a.compareTo(b);
  };

  /** The figures the page shows, collected from the published tables and sorted. */
  record Collected(LocalDate asOf, Map<String, String> programNames, List<Figure> stateBenchmarks,
                   List<Figure> programBenchmarks, List<Figure> stateRateCard, List<Figure> programRateCard,
                   List<Comparison> comparisons) {

    static Collected of(ReportFigures f) {
      Map<String, String> names = new TreeMap<>();
      for (Row r : f.programs().select("program_id", "program_name").collectAsList()) {
        names.put(r.getString(0), r.isNullAt(1) ? r.getString(0) : r.getString(1));
      }
      Column everyStratum = col("stratum").isNotNull();
      Column overall = col("stratum").equalTo(ALL);
      return new Collected(f.asOf(), names,
          figures(f.benchmarkResults(), STATE, overall, "measure_code", "numerator", "denominator"),
          figures(f.benchmarkResults(), PROGRAM, overall, "measure_code", "numerator", "denominator"),
          figures(f.ratecardResults(), STATE, everyStratum, "outcome_code", "achieved", "eligible"),
          figures(f.ratecardResults(), PROGRAM, overall, "outcome_code", "achieved", "eligible"),
          comparisons(f.providerComparison()));
    }

    private static List<Figure> figures(Dataset<Row> rows, String level, Column which, String code,
                                        String numerator, String denominator) {
      List<Figure> out = new ArrayList<>();
      for (Row r : rows.where(col("level").equalTo(level).and(which))
          .select(col("period"), col("entity_id"), col("stratum"), col("stratum_value"), col(code),
              col(numerator).cast("long"), col(denominator).cast("long"), col("rate").cast("double"),
              col("ci_low").cast("double"), col("ci_high").cast("double"))
          .collectAsList()) {
        out.add(new Figure(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
            longOrNull(r, 5), longOrNull(r, 6), doubleOrNull(r, 7), doubleOrNull(r, 8), doubleOrNull(r, 9)));
      }
      out.sort(Comparator.comparing(Figure::period).thenComparing(Figure::entity).thenComparing(Figure::stratum)
          .thenComparing(Figure::value).thenComparing(Figure::code));
      return out;
    }

    private static List<Comparison> comparisons(Dataset<Row> rows) {
      List<Comparison> out = new ArrayList<>();
      for (Row r : rows.where(col("level").equalTo(PROGRAM))
          .select(col("period"), col("code"), col("entity_id"), col("units").cast("long"),
              col("observed").cast("long"), col("rate").cast("double"), col("state_rate").cast("double"),
              col("funnel_flag"), col("lower_is_better"))
          .collectAsList()) {
        out.add(new Comparison(r.getString(0), r.getString(1), r.getString(2), longOrNull(r, 3), longOrNull(r, 4),
            doubleOrNull(r, 5), doubleOrNull(r, 6), r.getString(7), !r.isNullAt(8) && r.getBoolean(8)));
      }
      out.sort(Comparator.comparing(Comparison::period).thenComparing(Comparison::code)
          .thenComparing(Comparison::entity));
      return out;
    }

    private static Long longOrNull(Row r, int i) {
      return r.isNullAt(i) ? null : r.getLong(i);
    }

    private static Double doubleOrNull(Row r, int i) {
      return r.isNullAt(i) ? null : r.getDouble(i);
    }

    /** The newest ended period of a kind (the longer one when two end the same day); YTD only if none ended. */
    Optional<Period> latest(List<Figure> figures) {
      List<Period> periods = periods(figures);
      return periods.stream().filter(p -> !p.nameParts().isYearToDate()).max(BY_END)
          .or(() -> periods.stream().max(BY_END));
    }

    List<Period> periods(List<Figure> figures) {
      return figures.stream().map(Figure::period).distinct().map(p -> Period.parse(p, asOf))
          .sorted(BY_END).toList();
    }

    List<String> programs() {
      TreeSet<String> ids = new TreeSet<>(NATURAL);
      ids.addAll(programNames.keySet());
      programBenchmarks.forEach(fig -> ids.add(fig.entity()));
      return List.copyOf(ids);
    }

    String programName(String id) {
      return programNames.getOrDefault(id, id);
    }
  }

  // ---- the page ----

  private static final class Page {

    private final Collected data;
    private final StringBuilder out = new StringBuilder(1 << 18);
    private final Optional<Period> benchmarkPeriod;
    private final Optional<Period> rateCardPeriod;
    private final List<String> measureCodes;
    private final List<String> outcomeCodes;

    Page(Collected data) {
      this.data = data;
      this.benchmarkPeriod = data.latest(data.stateBenchmarks());
      this.rateCardPeriod = data.latest(data.stateRateCard());
      this.measureCodes = data.stateBenchmarks().stream().map(Figure::code).distinct().sorted().toList();
      this.outcomeCodes = data.stateRateCard().stream().map(Figure::code).distinct().sorted().toList();
    }

    String html() {
      out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
          .append("<title>").append(esc("Home visiting: published figures as of " + data.asOf())).append("</title>")
          .append("<style>").append(ReportStyle.CSS).append("</style></head>\n<body>\n")
          .append(ReportCharts.DEFS);
      header();
      stateBenchmarks();
      programs();
      rateCardStrata();
      funnels();
      trends();
      footer();
      out.append("<script>").append(ReportStyle.SCRIPT).append("</script>\n</body></html>\n");
      return out.toString();
    }

    private String periodText(Optional<Period> period) {
      return period.map(p -> p.name() + " (" + p.start() + " to " + p.end() + ")").orElse("no period");
    }

    private void header() {
      out.append("<header><h1>Home visiting: how the state and its programs are doing</h1>")
          .append("<p class=\"lede\">Published figures of the warehouse as of <strong>").append(data.asOf())
          .append("</strong>. Benchmarks: ").append(esc(periodText(benchmarkPeriod)))
          .append(", cumulative from October 1. Rate card: ").append(esc(periodText(rateCardPeriod)))
          .append(". Counts from 1 to ").append(Suppression.configuredMaxCount())
          .append(" and the rates made from them are not shown (<span class=\"supp\">suppressed</span>).</p>")
          .append("<nav><a href=\"#state\">State benchmarks</a><a href=\"#programs\">Programs</a>")
          .append("<a href=\"#ratecard\">Rate card by stratum</a><a href=\"#funnels\">Funnel plots</a>")
          .append("<a href=\"#trends\">Trends</a></nav></header>\n");
    }

    // -- state benchmarks --

    private void stateBenchmarks() {
      out.append("<section id=\"state\"><h2>The state's ").append(MeasureFacts.codes(MeasureSet.BENCHMARK).size())
          .append(" benchmarks</h2>");
      if (benchmarkPeriod.isEmpty()) {
        out.append("<p>No benchmark period has been computed.</p></section>\n");
        return;
      }
      Period period = benchmarkPeriod.get();
      Map<String, Figure> now = byCode(data.stateBenchmarks(), period.name(), ALL);
      String yearEarlier = period.nameParts().yearEarlier().toString();
      Map<String, Figure> before = byCode(data.stateBenchmarks(), yearEarlier, ALL);
      out.append("<p class=\"note\">").append(esc(period.name()))
          .append(": rate with its 95% interval (the bar), and the same period a year earlier. ")
          .append(esc(directionNote())).append("</p>")
          .append("<table class=\"bench\"><thead><tr><th>Measure</th><th class=\"chart\">Rate and 95% interval</th>")
          .append("<th class=\"num\">Rate</th><th class=\"num\">Interval</th><th class=\"num\">Numerator / denominator</th>")
          .append("<th class=\"num\">").append(esc(yearEarlier)).append("</th></tr></thead><tbody>");
      String area = "";
      for (String code : measureCodes) {
        if (!MeasureFacts.of(code).area().equals(area)) {
          area = MeasureFacts.of(code).area();
          out.append("<tr class=\"area\"><th colspan=\"6\">").append(esc(area)).append("</th></tr>");
        }
        Figure f = now.get(code);
        Figure earlier = before.get(code);
        out.append("<tr data-cell=\"").append(esc("STATE/ALL/" + code)).append("\">");
        measureCell(code);
        figureCells(f, code, null);
        out.append("<td class=\"num\">").append(earlier == null ? "" : rateText(earlier, code)).append("</td></tr>");
      }
      out.append("</tbody></table></section>\n");
    }

    /** The measures where lower is better and what the count measures count (measures.md "Common terms"). */
    private static String directionNote() {
      List<MeasureFacts> benchmarks = MeasureFacts.in(MeasureSet.BENCHMARK);
      return "For " + MeasureFacts.inWords(benchmarks.stream().filter(MeasureFacts::lowerIsBetter).map(MeasureFacts::code)
          .toList()) + " a lower rate is better; " + benchmarks.stream().filter(MeasureFacts::counts)
          .map(f -> f.code() + " counts " + f.counted()).collect(Collectors.joining("; ")) + ".";
    }

    private static String label(String code) {
      return MeasureFacts.of(code).label();
    }

    private void measureCell(String code) {
      out.append("<td class=\"measure\"><span class=\"code\">").append(esc(code)).append("</span> ")
          .append(esc(label(code)));
      if (MeasureFacts.of(code).lowerIsBetter()) {
        out.append(" <span class=\"hint\">lower is better</span>");
      }
      out.append("</td>");
    }

    /** Chart, rate, interval and counts of one figure (four cells); {@code stateRate} draws the state's mark. */
    private void figureCells(Figure f, String code, Double stateRate) {
      boolean perChild = MeasureFacts.of(code).counts();
      if (f == null) {
        out.append("<td class=\"chart\"></td><td class=\"num none\" colspan=\"3\">not computed</td>");
      } else if (f.suppressed()) {
        out.append("<td class=\"chart\">").append(ReportCharts.suppressedStrip())
            .append("</td><td class=\"num supp\" colspan=\"3\">suppressed</td>");
      } else if (!f.shown()) {
        out.append("<td class=\"chart\"></td><td class=\"num none\">no units</td><td></td><td class=\"num\">")
            .append(count(f.numerator())).append(" / ").append(count(f.denominator())).append("</td>");
      } else {
        out.append("<td class=\"chart\">").append(ReportCharts.rateStrip(f, perChild, stateRate)).append("</td>")
            .append("<td class=\"num rate\">").append(Html.rate(f.rate(), perChild)).append("</td>")
            .append("<td class=\"num interval\">").append(interval(f, perChild)).append("</td>")
            .append("<td class=\"num\">").append(count(f.numerator())).append(" / ").append(count(f.denominator()))
            .append("</td>");
      }
    }

    private String interval(Figure f, boolean perChild) {
      return f.ciLow() == null || f.ciHigh() == null ? ""
          : Html.rate(f.ciLow(), perChild) + "–" + Html.rate(f.ciHigh(), perChild);
    }

    private String rateText(Figure f, String code) {
      return f.suppressed() ? "<span class=\"supp\">suppressed</span>"
          : f.shown() ? Html.rate(f.rate(), MeasureFacts.of(code).counts()) : "<span class=\"none\">no units</span>";
    }

    private static Map<String, Figure> byCode(List<Figure> figures, String period, String entity) {
      Map<String, Figure> out = new TreeMap<>();
      for (Figure f : figures) {
        if (f.period().equals(period) && f.entity().equals(entity) && f.stratum().equals(ALL)) {
          out.put(f.code(), f);
        }
      }
      return out;
    }

    // -- programs --

    private void programs() {
      out.append("<section id=\"programs\"><h2>Programs</h2>");
      List<String> programs = data.programs();
      if (benchmarkPeriod.isEmpty() || programs.isEmpty()) {
        out.append("<p>No program figures.</p></section>\n");
        return;
      }
      Period period = benchmarkPeriod.get();
      Map<String, Comparison> comparison = new LinkedHashMap<>();
      for (Comparison c : data.comparisons()) {
        if (c.period().equals(period.name())) {
          comparison.put(c.entity() + "/" + c.code(), c);
        }
      }
      Map<String, Figure> programFigures = new LinkedHashMap<>();
      for (Figure f : data.programBenchmarks()) {
        if (f.period().equals(period.name())) {
          programFigures.put(f.entity() + "/" + f.code(), f);
        }
      }
      out.append("<p class=\"note\">Each program against the state on the funnel plot of ").append(esc(period.name()))
          .append(" (colour) with its rate (text). Choose a program, or click its name, for its figures.</p>");
      heatMap(programs, comparison, programFigures);
      legend();
      out.append("<p class=\"choose\"><label for=\"program-select\">Program </label><select id=\"program-select\">");
      for (String id : programs) {
        out.append("<option value=\"p-").append(esc(id)).append("\">").append(esc(id + " · " + data.programName(id)))
            .append("</option>");
      }
      out.append("</select></p>");
      Map<String, Figure> state = byCode(data.stateBenchmarks(), period.name(), ALL);
      Map<String, Figure> rateCard = new TreeMap<>();
      rateCardPeriod.ifPresent(rc -> data.programRateCard().stream().filter(f -> f.period().equals(rc.name()))
          .forEach(f -> rateCard.put(f.entity() + "/" + f.code(), f)));
      Map<String, Figure> stateRateCard = rateCardPeriod.map(rc -> byCode(data.stateRateCard(), rc.name(), ALL))
          .orElse(Map.of());
      boolean first = true;
      for (String id : programs) {
        out.append("<div class=\"program\" id=\"p-").append(esc(id)).append("\"")
            .append(first ? "" : " hidden=\"hidden\"").append("><h3>").append(esc(id + " · " + data.programName(id)))
            .append("</h3><table class=\"bench\"><thead><tr><th>Measure</th>")
            .append("<th class=\"chart\">Rate, 95% interval and <span class=\"state-mark\">state</span></th>")
            .append("<th class=\"num\">Rate</th><th class=\"num\">Interval</th><th class=\"num\">Numerator / denominator</th>")
            .append("<th class=\"num\">State</th><th>Against the state</th></tr></thead><tbody>");
        out.append("<tr class=\"area\"><th colspan=\"7\">").append(esc("Benchmarks, " + period.name()))
            .append("</th></tr>");
        for (String code : measureCodes) {
          programRow(id, code, programFigures.get(id + "/" + code), state.get(code), comparison.get(id + "/" + code));
        }
        if (rateCardPeriod.isPresent()) {
          out.append("<tr class=\"area\"><th colspan=\"7\">").append(esc("Outcomes Rate Card, " + rateCardPeriod.get().name()))
              .append("</th></tr>");
          for (String code : outcomeCodes) {
            programRow(id, code, rateCard.get(id + "/" + code), stateRateCard.get(code), null);
          }
        }
        out.append("</tbody></table></div>");
        first = false;
      }
      out.append("</section>\n");
    }

    private void programRow(String program, String code, Figure f, Figure state, Comparison c) {
      Double stateRate = state != null && state.shown() ? state.rate() : null;
      out.append("<tr data-cell=\"").append(esc(program + "/" + code)).append("\">");
      measureCell(code);
      figureCells(f, code, stateRate);
      out.append("<td class=\"num\">").append(state == null ? "" : rateText(state, code)).append("</td><td>");
      if (c != null) {
        Standing s = c.standing();
        out.append("<span class=\"badge ").append(s.css).append("\">").append(esc(s.label)).append("</span>");
      }
      out.append("</td></tr>");
    }

    private void heatMap(List<String> programs, Map<String, Comparison> comparison, Map<String, Figure> figures) {
      out.append("<div class=\"scroll\"><table class=\"heat\"><thead><tr><th>Program</th>");
      for (String code : measureCodes) {
        out.append("<th title=\"").append(esc(label(code))).append("\">").append(esc(code)).append("</th>");
      }
      out.append("</tr></thead><tbody>");
      for (String id : programs) {
        out.append("<tr><th><a href=\"#p-").append(esc(id)).append("\">").append(esc(id)).append("</a> <span class=\"pname\">")
            .append(esc(data.programName(id))).append("</span></th>");
        for (String code : measureCodes) {
          Comparison c = comparison.get(id + "/" + code);
          Figure f = figures.get(id + "/" + code);
          Standing s = c != null ? c.standing()
              : f == null || !f.shown() ? (f != null && f.suppressed() ? Standing.SUPPRESSED : Standing.NONE)
              : Standing.TOO_FEW;
          String text = f == null ? "" : f.suppressed() ? "•" : f.shown() ? Html.rate(f.rate(), MeasureFacts.of(code).counts()) : "–";
          out.append("<td class=\"").append(s.css).append("\" title=\"")
              .append(esc(code + " " + label(code) + ": " + s.meaning)).append("\">")
              .append(text).append("</td>");
        }
        out.append("</tr>");
      }
      out.append("</tbody></table></div>");
    }

    private void legend() {
      out.append("<p class=\"legend\">");
      for (Standing s : Standing.values()) {
        out.append("<span><i class=\"").append(s.css).append("\"></i>").append(esc(s.meaning)).append("</span>");
      }
      out.append("</p>");
    }

    // -- rate card by stratum --

    private void rateCardStrata() {
      out.append("<section id=\"ratecard\"><h2>Outcomes Rate Card: achievement by stratum</h2>");
      if (rateCardPeriod.isEmpty()) {
        out.append("<p>No rate card period has been computed.</p></section>\n");
        return;
      }
      Period period = rateCardPeriod.get();
      out.append("<p class=\"note\">The state, ").append(esc(period.name()))
          .append(": share of eligible episodes that achieved each outcome, for each group of families; ")
          .append("the dashed line is the state's rate for all families, the whisker the 95% interval.</p>")
          .append("<div class=\"grid two\">");
      for (String code : outcomeCodes) {
        List<Figure> rows = data.stateRateCard().stream()
            .filter(f -> f.period().equals(period.name()) && f.code().equals(code)).toList();
        Figure overall = rows.stream().filter(f -> f.stratum().equals(ALL)).findFirst().orElse(null);
        List<Figure> strata = rows.stream().filter(f -> !f.stratum().equals(ALL))
            .sorted(ReportLabels.strataOrder()).toList();
        out.append("<figure class=\"card\"><figcaption><span class=\"code\">").append(esc(code)).append("</span> ")
            .append(esc(label(code))).append(": ")
            .append(overall == null ? "" : rateText(overall, code))
            .append(overall != null && overall.shown()
                ? " <span class=\"hint\">(" + count(overall.numerator()) + " of " + count(overall.denominator()) + ")</span>"
                : "")
            .append("</figcaption>").append(ReportCharts.strata(overall, strata)).append("</figure>");
      }
      out.append("</div></section>\n");
    }

    // -- funnel plots --

    private void funnels() {
      out.append("<section id=\"funnels\"><h2>Funnel plots: programs against the state</h2>");
      if (benchmarkPeriod.isEmpty()) {
        out.append("<p>No comparison.</p></section>\n");
        return;
      }
      Period period = benchmarkPeriod.get();
      Map<String, List<Comparison>> byCode = data.comparisons().stream()
          .filter(c -> c.period().equals(period.name()))
          .collect(Collectors.groupingBy(Comparison::code, TreeMap::new, Collectors.toList()));
      out.append("<p class=\"note\">").append(esc(period.name()))
          .append(": each dot is a program, its rate against its number of units. Inside the funnel a program ")
          .append("differs from the state rate (line) no more than chance would make it at its size: shaded ")
          .append("inner band 95%, outer band 99.8%. Hollow dots: fewer than 20 units, not compared.</p>");
      legend();
      out.append("<div class=\"grid three\">");
      for (Map.Entry<String, List<Comparison>> e : byCode.entrySet()) {
        String code = e.getKey();
        long hidden = e.getValue().stream().filter(Comparison::suppressed).count();
        out.append("<figure class=\"card funnel\" data-code=\"").append(esc(code)).append("\"><figcaption><span class=\"code\">")
            .append(esc(code)).append("</span> ").append(esc(label(code))).append("</figcaption>")
            .append(ReportCharts.funnel(e.getValue(), data::programName));
        if (hidden > 0) {
          out.append("<p class=\"hint\">").append(hidden).append(hidden == 1 ? " program" : " programs")
              .append(" not drawn: small counts suppressed.</p>");
        }
        out.append("</figure>");
      }
      out.append("</div></section>\n");
    }

    // -- trends --

    private void trends() {
      out.append("<section id=\"trends\"><h2>Trends: the state across periods</h2>")
          .append("<p class=\"note\">Benchmarks by federal fiscal year (the current year so far as its latest ")
          .append("quarter); rate card outcomes by state fiscal quarter. The band is the 95% interval; ")
          .append("a gap is a suppressed period.</p><div class=\"grid four\">");
      List<Period> years = data.periods(data.stateBenchmarks()).stream()
          .filter(p -> p.nameParts().isWholeYear() || benchmarkPeriod.map(p::equals).orElse(false)).toList();
      for (String code : measureCodes) {
        trend(code, years, data.stateBenchmarks());
      }
      List<Period> quarters = data.periods(data.stateRateCard()).stream()
          .filter(p -> !p.nameParts().isYearToDate() && p.start().plusMonths(3).minusDays(1).equals(p.end())).toList();
      for (String code : outcomeCodes) {
        trend(code, quarters, data.stateRateCard());
      }
      out.append("</div></section>\n");
    }

    private void trend(String code, List<Period> periods, List<Figure> figures) {
      List<Figure> series = new ArrayList<>();
      for (Period p : periods) {
        series.add(byCode(figures, p.name(), ALL).get(code));
      }
      out.append("<figure class=\"card trend\"><figcaption><span class=\"code\">").append(esc(code)).append("</span> ")
          .append(esc(label(code))).append("</figcaption>")
          .append(ReportCharts.trend(periods, series, MeasureFacts.of(code).counts())).append("</figure>");
    }

    private void footer() {
      out.append("<footer><p>Definitions: the federal MIECHV Form 2 measures and the state's Outcomes Rate Card ")
          .append("as the warehouse computes them; intervals are Wilson 95% (Poisson for ")
          .append(esc(MeasureFacts.inWords(MeasureFacts.codes(MeasureFacts::counts)))).append("); funnel limits are ")
          .append("exact binomial limits around the state rate. The exact counts stay in the warehouse; this page ")
          .append("shows the published figures only.</p></footer>\n");
    }
  }
}
