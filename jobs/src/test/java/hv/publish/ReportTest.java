package hv.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.GeneratedWarehouse;
import hv.core.CoreTables;
import hv.spark.Warehouse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * report.html as the nightly job writes it into the generated warehouse: every section, a
 * funnel plot per comparison code, nothing fetched from outside, and no count from 1 to 9
 * in what it shows (checked against the exact counts of the marts).
 */
class ReportTest {

  /** At as-of 2026-03-31 the newest ended federal period is the cumulative Q2 (Oct–Mar). */
  private static final String PERIOD = "FFY2026-Q2";

  private static Warehouse warehouse;
  private static String html;
  private static Document page;
  private static XPath xpath;

  @BeforeAll
  static void readReport() throws Exception {
    warehouse = GeneratedWarehouse.get();
    Path file = Exports.folder(warehouse, GeneratedWarehouse.AS_OF).resolve(Report.FILE);
    html = Files.readString(file, StandardCharsets.UTF_8);
    // the page is written well-formed, so an XML parser reads it (and fails the test if it is not)
    page = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    xpath = XPathFactory.newInstance().newXPath();
  }

  @Test
  void hasEverySectionAndAFunnelPlotPerComparisonCode() throws Exception {
    for (String id : List.of("state", "programs", "ratecard", "funnels", "trends")) {
      assertNotNull(node("//section[@id='" + id + "']"), "section " + id);
    }
    assertEquals(19, count("//section[@id='state']//tr[@data-cell]"), "a row per benchmark");
    assertTrue(html.contains(PERIOD), "the page names the period it shows");

    Set<String> codes = new TreeSet<>();
    warehouse.read("marts", "provider_comparison").where(col("period").equalTo(PERIOD)).select("code").distinct()
        .collectAsList().forEach(r -> codes.add(r.getString(0)));
    assertFalse(codes.isEmpty());
    Set<String> plotted = new TreeSet<>();
    NodeList funnels = nodes("//section[@id='funnels']//figure[@data-code]");
    for (int i = 0; i < funnels.getLength(); i++) {
      Element figure = (Element) funnels.item(i);
      plotted.add(figure.getAttribute("data-code"));
      assertEquals(1, ((Number) xpath.evaluate("count(.//svg)", figure, XPathConstants.NUMBER)).intValue(),
          "one svg for " + figure.getAttribute("data-code"));
    }
    assertEquals(codes, plotted);

    long programs = CoreTables.fromWarehouse(warehouse).programs().count();
    assertEquals(programs, count("//section[@id='programs']//div[@class='program']"), "a panel per program");
    assertEquals(4, count("//section[@id='ratecard']//figure//svg"), "a chart per rate card outcome");
  }

  @Test
  void referencesNothingOutside() {
    List<String> found = new ArrayList<>();
    for (Pattern p : List.of(Pattern.compile("(?i)https?:"), Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?//"),
        Pattern.compile("(?i)@import"), Pattern.compile("(?i)url\\(\\s*[\"']?(?!#)"),
        Pattern.compile("(?i)\\ssrc\\s*="), Pattern.compile("(?i)<(link|img|iframe|object|embed)\\b"))) {
      Matcher m = p.matcher(html);
      while (m.find()) {
        found.add(html.substring(Math.max(0, m.start() - 30), Math.min(html.length(), m.end() + 30)));
      }
    }
    assertEquals(List.of(), found);
    assertTrue(html.contains("url(#hatch)"), "the one url( is the page's own pattern");
  }

  @Test
  void showsNoCountFromOneToNine() throws Exception {
    long maxCount = Suppression.configuredMaxCount();
    NodeList counts = nodes("//*[@class='count']");
    assertTrue(counts.getLength() > 100, "counts are shown where they are not small");
    for (int i = 0; i < counts.getLength(); i++) {
      long n = Long.parseLong(counts.item(i).getTextContent().replace(",", ""));
      assertTrue(n == 0 || n > maxCount, "count shown: " + n);
    }

    // every cell the marts hold with a small count is shown as suppressed: no rate, no counts
    Column small = col("numerator").between(1, maxCount).or(col("denominator").between(1, maxCount));
    Dataset<Row> results = warehouse.read("marts", "benchmark_results").where(col("stratum").equalTo("ALL"));
    List<Row> smallNow = results.where(col("period").equalTo(PERIOD).and(small))
        .select("level", "entity_id", "measure_code").collectAsList();
    int checked = 0;
    for (Row r : smallNow) {
      String cell = (r.getString(0).equals("STATE") ? "STATE/ALL" : r.getString(1)) + "/" + r.getString(2);
      if (r.getString(0).equals("CONTRACT")) {
        continue;
      }
      Element row = (Element) node("//tr[@data-cell='" + cell + "']");
      assertNotNull(row, cell);
      assertEquals(0, count(row, ".//*[@class='count']"), cell);
      assertEquals(0, count(row, ".//td[contains(@class,'rate')]"), cell);
      assertEquals(1, count(row, ".//td[contains(@class,'supp')]"), cell);
      checked++;
    }
    assertTrue(checked > 20, "the generated warehouse has small program cells: " + checked);

    // the state's year-earlier column too
    for (Row r : results.where(col("level").equalTo("STATE").and(col("period").equalTo("FFY2025-Q2")).and(small))
        .select("measure_code").collectAsList()) {
      Element row = (Element) node("//tr[@data-cell='STATE/ALL/" + r.getString(0) + "']");
      NodeList cells = (NodeList) xpath.evaluate("./td", row, XPathConstants.NODESET);
      assertEquals("suppressed", cells.item(cells.getLength() - 1).getTextContent(), r.getString(0));
    }
  }

  @Test
  void sameFiguresGiveTheSameBytesAndTextIsEscaped() {
    Dataset<Row> live = CoreTables.fromWarehouse(warehouse).programs();
    Row renamed = live.orderBy("program_id").first();
    Dataset<Row> programs = live.withColumn("program_name",
        when(col("program_id").equalTo(renamed.<String>getAs("program_id")), lit("<script>alert(\"x\")</script> & Co"))
            .otherwise(col("program_name")));
    ReportFigures published = ReportFigures.of(GeneratedWarehouse.AS_OF,
        Exports.suppressed(warehouse, GeneratedWarehouse.AS_OF, programs), programs);
    String first = Report.render(published);
    assertEquals(first, Report.render(published));
    assertFalse(first.contains("<script>alert"), "a name's markup is escaped");
    assertTrue(first.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"));
    // the page the night wrote differs from this one only by that name
    assertEquals(html, first.replace("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co",
        Html.esc(renamed.<String>getAs("program_name"))));
  }

  private static Object node(String path) throws Exception {
    return xpath.evaluate(path, page, XPathConstants.NODE);
  }

  private static NodeList nodes(String path) throws Exception {
    return (NodeList) xpath.evaluate(path, page, XPathConstants.NODESET);
  }

  private static int count(String path) throws Exception {
    return nodes(path).getLength();
  }

  private static int count(Element from, String path) throws Exception {
    return ((NodeList) xpath.evaluate(path, from, XPathConstants.NODESET)).getLength();
  }
}
