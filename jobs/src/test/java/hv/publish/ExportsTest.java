package hv.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.GeneratedWarehouse;
import hv.marts.ratecard.RateCardPrices;
import hv.ops.Progress;
import hv.spark.Parallel;
import hv.spark.Warehouse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The exports of the generated warehouse (written by its nightly run): every count that is
 * suppressed stays unknown to someone subtracting published totals, every shown figure is
 * the warehouse's, and the dictionary describes every file's columns.
 */
class ExportsTest {

  private static final List<String> RC = List.of("RC1", "RC2", "RC3", "RC4");

  private final Warehouse warehouse = GeneratedWarehouse.get();
  private final Path folder = Exports.folder(warehouse, GeneratedWarehouse.AS_OF);

  private Dataset<Row> exported(String table) {
    return warehouse.spark().read().parquet(folder.resolve(table + ".parquet").toString());
  }

  // ---- what an outsider knows: every count cell, by one name per figure ----

  /** Cell name → value; null where the cell is suppressed. A figure shown anywhere is known. */
  private static void learn(Map<String, Long> knowledge, String cell, Long value) {
    if (value != null || !knowledge.containsKey(cell)) {
      knowledge.merge(cell, value == null ? Long.MIN_VALUE : value, (a, b) -> a == Long.MIN_VALUE ? b : a);
    }
  }

  /**
   * The count cells of the published tables as an outsider names them (the same figure in two
   * tables has one name: the comparison's measures are benchmark cells, its outcomes rate card cells). {@code hidden} says whether a row's count is suppressed.
   */
  private static Map<String, Long> cells(Map<String, List<Row>> tables, Hidden hidden) {
    Map<String, Long> k = new HashMap<>();
    for (Row r : tables.get("benchmark_results")) {
      for (String c : List.of("numerator", "denominator", "missing")) {
        learn(k, String.join("|", "B", c, s(r, "period"), s(r, "level"), s(r, "entity_id"), s(r, "stratum"),
            s(r, "stratum_value"), s(r, "measure_code")), hidden.value(r, c));
      }
    }
    for (Row r : tables.get("provider_comparison")) {
      String[][] figures = {{"units", "denominator", "period", "level", "entity_id"},
          {"observed", "numerator", "period", "level", "entity_id"},
          {"state_units", "denominator", "period", null, null}, {"model_units", "denominator", "period", null, null},
          {"state_observed", "numerator", "period", null, null},
          {"prior_units", "denominator", "prior_period", "level", "entity_id"},
          {"prior_observed", "numerator", "prior_period", "level", "entity_id"}};
      boolean outcome = s(r, "code").startsWith("RC");
      for (String[] f : figures) {
        if (!r.isNullAt(r.fieldIndex(f[0])) || hidden.isHidden(r, f[0])) {
          String family = outcome ? "R" : "B";
          String count = !outcome ? f[1] : f[1].equals("numerator") ? "achieved" : "eligible";
          learn(k, String.join("|", family, count, s(r, f[2]), f[3] == null ? "STATE" : s(r, f[3]),
              f[4] == null ? "ALL" : s(r, f[4]), "ALL", "ALL", s(r, "code")), hidden.value(r, f[0]));
        }
      }
    }
    for (Row r : tables.get("ratecard_results")) {
      for (String c : List.of("achieved", "eligible")) {
        learn(k, String.join("|", "R", c, s(r, "period"), s(r, "level"), s(r, "entity_id"), s(r, "stratum"),
            s(r, "stratum_value"), s(r, "outcome_code")), hidden.value(r, c));
      }
    }
    for (Row r : tables.get("ratecard_payments")) {
      learn(k, String.join("|", "R", "achieved", s(r, "sfy") + "-" + s(r, "half"), "CONTRACT", s(r, "contract_number"),
          "ALL", "ALL", s(r, "outcome_code")), hidden.value(r, "achieved"));
    }
    for (Row r : tables.get("service_delivery")) {
      List<String> counts = List.of("caseload_utilization", "dosage").contains(s(r, "indicator"))
          ? List.of("numerator") : List.of("numerator", "denominator");
      for (String c : counts) {
        if (!r.isNullAt(r.fieldIndex(c)) || hidden.isHidden(r, c)) {
          learn(k, String.join("|", "S", c, s(r, "period_or_date"), s(r, "level"), s(r, "entity_id"),
              s(r, "indicator")), hidden.value(r, c));
        }
      }
    }
    for (Row r : tables.get("data_quality")) {
      learn(k, String.join("|", "D", s(r, "program_id"), s(r, "check"), s(r, "reason")), hidden.value(r, "count"));
    }
    k.replaceAll((cell, v) -> v == Long.MIN_VALUE ? null : v);
    return k;
  }

  private static String s(Row r, String column) {
    return Objects.toString(r.get(r.fieldIndex(column)));
  }

  /** Whether a count of a row is suppressed, and its value as published. */
  interface Hidden {
    boolean isHidden(Row r, String count);

    default Long value(Row r, String count) {
      return isHidden(r, count) || r.isNullAt(r.fieldIndex(count)) ? null
          : ((Number) r.get(r.fieldIndex(count))).longValue();
    }
  }

  private static final Hidden EXPORTED = (r, c) -> r.getBoolean(r.fieldIndex(c + Suppression.FLAG));
  private static final Hidden NOTHING = (r, c) -> false;
  private static final Hidden SMALL_ONLY = (r, c) -> {
    Object v = r.get(r.fieldIndex(c));
    return v != null && ((Number) v).doubleValue() >= 1 && ((Number) v).doubleValue() <= 9;
  };

  // ---- the published totals, written down independently of Suppression ----

  private List<List<String>> totals(Set<String> cells) {
    Map<String, String> contractOf = new HashMap<>();
    warehouse.read("core", "programs").select("program_id", "contract_number").collectAsList()
        .forEach(r -> contractOf.put(r.getString(0), r.getString(1)));
    List<List<String>> eq = new ArrayList<>();
    Map<String, List<String>> strata = new HashMap<>();
    Map<String, List<String>> entities = new HashMap<>();
    Map<String, List<String>> periods = new HashMap<>();
    for (String cell : cells) {
      String[] p = cell.split("\\|", -1);
      if (p[0].equals("B") || p[0].equals("R")) {
        strata.computeIfAbsent(String.join("|", p[0], p[1], p[2], p[3], p[4], p[7]), x -> new ArrayList<>()).add(cell);
        entities.computeIfAbsent(String.join("|", p[0], p[1], p[2], p[5], p[6], p[7]), x -> new ArrayList<>()).add(cell);
        periods.computeIfAbsent(String.join("|", p[0], p[1], p[3], p[4], p[5], p[6], p[7]), x -> new ArrayList<>()).add(cell);
      } else if (p[0].equals("S")) {
        entities.computeIfAbsent(String.join("|", p[0], p[1], p[2], p[5]), x -> new ArrayList<>()).add(cell);
        periods.computeIfAbsent(String.join("|", p[0], p[1], p[3], p[4], p[5]), x -> new ArrayList<>()).add(cell);
      }
      if (p[0].equals("R") && p[7].equals("ALL")) {
        List<String> codes = new ArrayList<>(List.of(cell));
        RC.forEach(code -> codes.add(cell.substring(0, cell.length() - 3) + code));
        eq.add(codes);
      }
    }
    strata.values().forEach(group -> {
      String all = group.stream().filter(c -> c.split("\\|", -1)[5].equals("ALL")).findFirst().orElse(null);
      Map<String, List<String>> byDimension = new TreeMap<>();
      group.stream().filter(c -> !c.equals(all)).forEach(c -> byDimension.computeIfAbsent(c.split("\\|", -1)[5],
          d -> new ArrayList<>(List.of(all))).add(c));
      if (all != null) {
        eq.addAll(byDimension.values());
      }
    });
    entities.values().forEach(group -> {
      int level = 3; // B|count|period|level|entity|… and S|count|period|level|entity|…
      Map<String, List<String>> contracts = new TreeMap<>();
      List<String> state = new ArrayList<>();
      List<String> stateByContract = new ArrayList<>();
      for (String c : group) {
        String[] p = c.split("\\|", -1);
        if (p[level].equals("STATE")) {
          state.add(0, c);
          stateByContract.add(0, c);
        } else if (p[level].equals("PROGRAM")) {
          state.add(c);
          contracts.computeIfAbsent(contractOf.get(p[level + 1]), x -> new ArrayList<>()).add(c);
        } else {
          stateByContract.add(c);
        }
      }
      if (!state.isEmpty() && state.get(0).contains("|STATE|")) {
        eq.add(state);
        eq.add(stateByContract);
      }
      contracts.forEach((contract, programs) -> group.stream()
          .filter(c -> c.split("\\|", -1)[level].equals("CONTRACT") && c.split("\\|", -1)[level + 1].equals(contract))
          .findFirst().ifPresent(total -> {
            List<String> e = new ArrayList<>(List.of(total));
            e.addAll(programs);
            eq.add(e);
          }));
    });
    periods.values().forEach(group -> eq.addAll(periodTotals(group)));
    return eq;
  }

  /** SFY halves, years and YTD from quarters and halves, quarters from month-ends; FFY YTD = Q2 on 2026-03-31. */
  private static List<List<String>> periodTotals(List<String> group) {
    Map<String, String> byPeriod = new HashMap<>();
    group.forEach(c -> byPeriod.put(c.split("\\|", -1)[2], c));
    List<List<String>> eq = new ArrayList<>();
    for (String period : byPeriod.keySet()) {
      if (period.matches("FFY\\d{4}-YTD")) {
        eq.add(List.of(byPeriod.get(period), byPeriod.getOrDefault(period.replace("YTD", "Q2"), "?")));
      }
      if (!period.matches("SFY\\d{4}")) {
        continue;
      }
      int y = Integer.parseInt(period.substring(3));
      String[][] tilings = {{"-H1", "-Q1", "-Q2"}, {"-H2", "-Q3", "-Q4"}, {"", "-H1", "-H2"}, {"", "-Q1", "-Q2", "-Q3", "-Q4"},
          {"", "-H1", "-Q3", "-Q4"}, {"", "-Q1", "-Q2", "-H2"}, {"-YTD", "-Q1", "-Q2", "-Q3"}, {"-YTD", "-H1", "-Q3"}};
      for (String[] t : tilings) {
        List<String> e = new ArrayList<>();
        for (String suffix : t) {
          e.add(byPeriod.getOrDefault(period + suffix, "?"));
        }
        eq.add(e);
      }
      LocalMonths months = new LocalMonths(y);
      for (int q = 1; q <= 4; q++) {
        List<String> e = new ArrayList<>(List.of(byPeriod.getOrDefault(period + "-Q" + q, "?")));
        months.ofQuarter(q).forEach(m -> e.add(byPeriod.getOrDefault(m, "?")));
        eq.add(e);
      }
    }
    // a missing period is no total: the outsider has nothing to subtract from
    eq.removeIf(e -> e.contains("?"));
    return eq;
  }

  /** Month-end dates of the quarters of SFY y (Q1 = Jul–Sep of y − 1). */
  private record LocalMonths(int sfy) {
    List<String> ofQuarter(int q) {
      List<String> out = new ArrayList<>();
      java.time.LocalDate first = java.time.LocalDate.of(sfy - 1, 7, 1).plusMonths(3L * (q - 1));
      for (int i = 0; i < 3; i++) {
        java.time.LocalDate m = first.plusMonths(i);
        out.add(m.withDayOfMonth(m.lengthOfMonth()).toString());
      }
      return out;
    }
  }

  /** Subtraction to a fixpoint: a total with one unknown cell gives it away; returns the cells worked out correctly. */
  private static Set<String> recover(Map<String, Long> known, List<List<String>> totals, Map<String, Long> truth) {
    Map<String, Long> k = new HashMap<>(known);
    Set<String> recovered = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (List<String> e : totals) {
        String unknown = null;
        int unknowns = 0;
        for (String c : e) {
          if (k.get(c) == null) {
            unknowns++;
            unknown = c;
          }
        }
        if (unknowns != 1) {
          continue;
        }
        long members = 0;
        for (int i = 1; i < e.size(); i++) {
          members += e.get(i).equals(unknown) ? 0 : k.get(e.get(i));
        }
        long value = unknown.equals(e.get(0)) ? members : k.get(e.get(0)) - members;
        // the outsider cannot tell a total that does not add up; only a correct answer is a disclosure
        if (Objects.equals(truth.get(unknown), value)) {
          k.put(unknown, value);
          recovered.add(unknown);
          changed = true;
        }
      }
    }
    return recovered;
  }

  private Map<String, List<Row>> rows(boolean exported) {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    PublishedTable.all().keySet().forEach(t -> out.put(t,
        (exported ? exported(t) : warehouse.read("marts", t)).collectAsList()));
    return out;
  }

  @Test
  void noSuppressedCountCanBeWorkedOutFromThePublishedTotalsThoughPrimarySuppressionAloneWouldLeak() {
    Map<String, List<Row>> marts = rows(false);
    Map<String, Long> truth = cells(marts, NOTHING);
    Map<String, Long> published = cells(rows(true), EXPORTED);
    List<List<String>> totals = totals(truth.keySet());

    long small = truth.values().stream().filter(v -> v != null && v >= 1 && v <= 9).count();
    long hidden = published.values().stream().filter(Objects::isNull).count();
    assertTrue(small > 100, "the generated warehouse has small cells to protect: " + small);
    assertTrue(hidden > small, "complements suppressed beyond the small cells: " + hidden + " vs " + small);
    truth.forEach((cell, v) -> {
      if (v != null && v >= 1 && v <= 9) {
        assertTrue(published.get(cell) == null, "small cell shown: " + cell);
      }
      if (published.get(cell) != null) {
        assertEquals(v, published.get(cell), "a shown count is the warehouse's: " + cell);
      }
    });

    Set<String> fromExports = recover(published, totals, truth);
    assertEquals(Set.of(), fromExports, "suppressed counts worked out by subtraction");
    Set<String> fromPrimaryOnly = recover(cells(marts, SMALL_ONLY), totals, truth);
    assertFalse(fromPrimaryOnly.isEmpty(), "with only the small cells hidden, subtraction must reveal some");
  }

  @Test
  void shownValuesAreTheWarehousesAndDerivedValuesOfSuppressedCountsAreEmpty() {
    for (String table : PublishedTable.all().keySet()) {
      PublishedTable description = PublishedTable.named(table);
      Map<List<Object>, Row> marts = new HashMap<>();
      for (Row r : warehouse.read("marts", table).collectAsList()) {
        marts.put(description.key().stream().map(k -> r.get(r.fieldIndex(k))).toList(), r);
      }
      List<Row> files = exported(table).collectAsList();
      assertEquals(marts.size(), files.size(), table + ": one exported row per mart row");
      for (Row e : files) {
        Row m = marts.get(description.key().stream().map(k -> e.get(e.fieldIndex(k))).toList());
        for (String c : e.schema().fieldNames()) {
          if (!c.endsWith(Suppression.FLAG) && !e.isNullAt(e.fieldIndex(c))) {
            assertEquals(m.get(m.fieldIndex(c)), e.get(e.fieldIndex(c)), table + "." + c);
          }
        }
        for (PublishedTable.PublishedColumn c : description.columns()) {
          boolean ownRule = c.suppressedWith() != null && c.suppressedWith().stream().anyMatch(rule -> rule.group() == null
              && rule.where() == null && rule.counts().stream().anyMatch(n -> e.getBoolean(e.fieldIndex(n + Suppression.FLAG))));
          if (ownRule) {
            assertTrue(e.isNullAt(e.fieldIndex(c.name())), table + "." + c.name() + " shown beside a suppressed count");
          }
        }
      }
    }
  }

  @Test
  void everyExportedColumnIsInTheDictionaryAndNothingPersonLevelLeaves() throws IOException {
    Map<String, Set<String>> described = new HashMap<>();
    try (Reader in = Files.newBufferedReader(folder.resolve(Exports.DICTIONARY));
         CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
      for (CSVRecord r : csv) {
        assertFalse(r.get("meaning").isBlank(), r.get("file") + " " + r.get("column") + " has a meaning");
        assertFalse(r.get("type").isBlank());
        if (r.get("tree").equals(Exports.PUBLIC)) {
          described.computeIfAbsent(r.get("file"), f -> new HashSet<>()).add(r.get("column"));
        }
      }
    }
    Set<String> files = new HashSet<>();
    try (Stream<Path> list = Files.list(folder)) {
      list.filter(Files::isRegularFile).forEach(p -> files.add(p.getFileName().toString()));
    }
    Set<String> expected = new HashSet<>(Set.of(Exports.DICTIONARY, Exports.DICTIONARY_TEXT, Report.FILE));
    PublishedTable.all().keySet().forEach(t -> expected.addAll(Set.of(t + ".csv", t + ".parquet")));
    assertEquals(expected, files, "the export folder holds the published tables, the dictionary and the report, nothing else");

    for (String table : PublishedTable.all().keySet()) {
      List<String> header;
      try (Reader in = Files.newBufferedReader(folder.resolve(table + ".csv"))) {
        header = CSVFormat.DEFAULT.builder().setHeader().build().parse(in).getHeaderNames();
      }
      assertEquals(Set.copyOf(header), described.get(table + ".csv"), table + ".csv columns = dictionary");
      assertEquals(Set.of(exported(table).schema().fieldNames()), described.get(table + ".parquet"),
          table + ".parquet columns = dictionary");
      // every column of the mart is published or withheld with a reason: a new column is not left undecided
      for (String column : warehouse.read("marts", table).schema().fieldNames()) {
        assertTrue(header.contains(column) || PublishedTable.withheld().containsKey(table + "." + column),
            "marts." + table + "." + column + " is neither published nor withheld");
      }
    }
    assertTrue(PublishedTable.withheld().containsKey("benchmark_units"));
    assertTrue(PublishedTable.withheld().containsKey("ratecard_units"));
  }

  @Test
  void strataEntitiesAndCodesAlwaysAddUp() {
    Suppression.Published published = Exports.suppressed(warehouse, GeneratedWarehouse.AS_OF,
        warehouse.read("core", "programs"));
    for (Suppression.MarginCheck m : published.margins()) {
      System.out.printf("totals: %s %s: %d add up, %d do not%n", m.table(), m.kind(), m.holding(), m.notHolding());
      if (!m.kind().equals("periods")) {
        assertEquals(0, m.notHolding(), m.table() + " " + m.kind() + ": every such total adds up");
      }
      assertTrue(m.holding() > 0, m.table() + " " + m.kind() + " totals exist");
    }
    System.out.printf("cells %d, small %d, complements %d%n", published.cells(), published.primary(),
        published.complementary());
  }

  @Test
  void aSecondRunOfTheNightWritesTheSameBytesAndClearsWhatACrashLeft() throws Exception {
    Path restricted = Exports.restrictedFolder(warehouse, GeneratedWarehouse.AS_OF);
    Map<String, String> before = digests(folder);
    Map<String, String> restrictedBefore = digests(restricted);
    List<Path> leftovers = new ArrayList<>();
    for (Path tree : List.of(folder, restricted)) {
      Path leftover = tree.resolveSibling("." + GeneratedWarehouse.AS_OF + ".staging-crashed");
      Files.createDirectories(leftover);
      Files.writeString(leftover.resolve("half-written.csv"), "half,written");
      leftovers.add(leftover);
    }

    try (Parallel parallel = new Parallel(4)) {
      new Exports(warehouse, new Progress(new PrintStream(OutputStream.nullOutputStream())))
          .publish(GeneratedWarehouse.AS_OF, warehouse.read("core", "programs"), RateCardPrices.configured(), parallel);
    }

    assertEquals(before, digests(folder));
    assertEquals(restrictedBefore, digests(restricted));
    for (Path leftover : leftovers) {
      assertFalse(Files.exists(leftover));
      try (Stream<Path> siblings = Files.list(leftover.getParent())) {
        assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))
            .toList(), "no staging folder left beside " + leftover.getParent());
      }
    }
  }

  /**
   * The rate card reports (exact counts, small ones among them) are all in the restricted tree,
   * which is not inside the public one, and none of them, nor any folder, is in the public tree;
   * the dictionary names each tree and describes the files of both.
   */
  @Test
  void restrictedFilesAreOnlyInTheRestrictedTree() throws IOException {
    Path restricted = Exports.restrictedFolder(warehouse, GeneratedWarehouse.AS_OF);
    Path publicRoot = warehouse.root().resolve(Exports.PUBLIC_FOLDER);
    assertFalse(restricted.startsWith(publicRoot), restricted + " is outside " + publicRoot);
    assertTrue(restricted.getParent().getFileName().toString().contains("restricted"), "its name says so");

    List<Path> reports;
    try (Stream<Path> all = Files.walk(restricted)) {
      reports = all.filter(Files::isRegularFile).toList();
    }
    Set<String> names = new HashSet<>();
    boolean smallCount = false;
    for (Path report : reports) {
      names.add(report.getFileName().toString());
      try (Reader in = Files.newBufferedReader(report);
           CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
        for (CSVRecord r : csv) {
          smallCount |= r.get("achieved").matches("[1-9]");
        }
      }
    }
    assertTrue(names.stream().anyMatch(n -> n.matches("program-.+-rate-card\\.csv"))
        && names.stream().anyMatch(n -> n.matches("contract-.+-rate-card-billing\\.csv")), names.toString());
    assertTrue(smallCount, "the reports carry exact small counts: why they are restricted");

    Set<String> publicNames = new HashSet<>();
    try (Stream<Path> all = Files.walk(publicRoot)) {
      for (Path p : all.toList()) {
        publicNames.add(p.getFileName().toString());
        if (p.getParent().getParent() != null && p.getParent().getParent().equals(publicRoot)) {
          assertTrue(Files.isRegularFile(p), "no folder inside a public as-of folder: " + p);
        }
      }
    }
    Set<String> leaked = new HashSet<>(names);
    leaked.retainAll(publicNames);
    assertEquals(Set.of(), leaked, "rate card reports under " + publicRoot);

    Map<String, Set<String>> trees = new HashMap<>();
    try (Reader in = Files.newBufferedReader(folder.resolve(Exports.DICTIONARY));
         CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
      for (CSVRecord r : csv) {
        trees.computeIfAbsent(r.get("tree"), t -> new HashSet<>()).add(r.get("file"));
      }
    }
    assertEquals(Set.of(Exports.PUBLIC, Exports.RESTRICTED), trees.keySet());
    for (Path report : reports) {
      String file = restricted.relativize(report).toString().replace('\\', '/');
      assertTrue(trees.get(Exports.RESTRICTED).stream().anyMatch(pattern -> file.matches(
          pattern.replace(".", "\\.").replaceAll("<[^>]+>", "[^/]+"))), file + " is described as restricted");
    }
    String text = Files.readString(folder.resolve(Exports.DICTIONARY_TEXT));
    assertTrue(text.contains("**" + Exports.PUBLIC + "**: `" + Exports.PUBLIC_FOLDER + "/<as-of>/`")
        && text.contains("**" + Exports.RESTRICTED + "**: `" + Exports.RESTRICTED_FOLDER + "/<as-of>/`"),
        "the dictionary says where each tree is");
  }

  private static Map<String, String> digests(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }
}
