package hv.publish;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import hv.publish.PublishedTable.Count;
import hv.publish.PublishedTable.DerivedRule;
import hv.publish.PublishedTable.Margin;
import hv.publish.PublishedTable.PublishedColumn;
import hv.settings.Settings;
import hv.spark.Lineage;
import hv.spark.Parallel;
import hv.time.PeriodName;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The publication rule of measures.md, the one implementation of it: a count from 1 to the
 * threshold is suppressed, and so is every value derived from it; where a suppressed cell
 * is the only suppressed one of a total it belongs to (a row or column of the table:
 * strata, entities, codes, periods — {@link PublishedTable.Margin}), the next-smallest
 * non-zero cell of that total is suppressed too, repeated until no total has exactly one
 * suppressed cell, so that no suppressed count can be worked out by subtraction.
 *
 * <p>Tables are suppressed together: a figure published in two tables (the rate card's
 * contract achievements in {@code ratecard_payments}, the benchmarks' counts in
 * {@code provider_comparison}) is one cell with one decision. A total counts only where it
 * really adds up in the data (checked per total on the exact counts; {@link MarginCheck}).
 * The pattern is found in the driver over the count cells alone (a key and a value each,
 * millions at the national size); the published columns stay distributed, each table read
 * and sorted once, and get their flags back by row number.
 *
 * <p>Output: the table's published columns (its {@code schemas/marts/<table>.json}) with
 * suppressed counts and derived values empty, and one {@code <count>_suppressed} flag per
 * count column, in key order in one partition: the order of the files, one part each.
 */
public final class Suppression {

  public static final String FLAG = "_suppressed";
  public static final String SETTING = "publication.suppress.max-count";
  private static final String ALL = "ALL";
  private static final int MAX_TILINGS = 256;

  /** How many totals of one kind of one table add up in the data ({@code holding}) and how many do not. */
  public record MarginCheck(String table, String kind, int holding, int notHolding) {}

  /** The suppressed tables, the margins used, and how many cells were suppressed. */
  public record Published(Map<String, Dataset<Row>> tables, List<MarginCheck> margins, long maxCount, int cells,
                          int primary, int complementary) {}

  private final long maxCount;
  private final Map<String, String> contractOfProgram;
  private final LocalDate asOf;

  /**
   * @param maxCount          counts from 1 to this are suppressed
   * @param contractOfProgram program_id → contract_number (the entities margin)
   * @param asOf              the night's as-of date (the end of the YTD periods)
   */
  public Suppression(long maxCount, Map<String, String> contractOfProgram, LocalDate asOf) {
    this.maxCount = maxCount;
    this.contractOfProgram = Map.copyOf(contractOfProgram);
    this.asOf = asOf;
  }

  /** With the threshold of the settings (conf/hv.properties) and the programs' contracts ({@code core.programs}). */
  public static Suppression configured(Dataset<Row> programs, LocalDate asOf) {
    Map<String, String> contracts = new HashMap<>();
    for (Row r : programs.select("program_id", "contract_number").collectAsList()) {
      contracts.put(r.getString(0), r.getString(1));
    }
    return new Suppression(configuredMaxCount(), contracts, asOf);
  }

  public static long configuredMaxCount() {
    return Settings.current().whole(SETTING);
  }

  public long maxCount() {
    return maxCount;
  }

  /** One table on its own (its counts may still be cells of another table, which then holds only these). */
  public Dataset<Row> apply(String table, Dataset<Row> rows) {
    return apply(Map.of(table, rows)).tables().get(table);
  }

  /** Published tables, by name, suppressed together. */
  public Published apply(Map<String, Dataset<Row>> figures) {
    // publication order: cell ids follow it, and ties between equal cells go to the lower id
    List<String> names = PublishedTable.all().keySet().stream().filter(figures::containsKey).toList();
    if (names.size() != figures.size()) {
      throw new IllegalArgumentException("not published tables among " + figures.keySet());
    }
    // each table read and sorted by its own Spark jobs: side by side; then their cells in publication order
    List<Dataset<Row>> sorted;
    try (Parallel side = new Parallel(SORTS_SIDE_BY_SIDE)) {
      sorted = side.map(names, name -> sorted(PublishedTable.named(name), figures.get(name)));
    }
    Cells cells = new Cells();
    Map<String, Collected> collected = new LinkedHashMap<>();
    for (int t = 0; t < names.size(); t++) {
      collected.put(names.get(t), collect(PublishedTable.named(names.get(t)), sorted.get(t), cells));
    }
    List<MarginCheck> checks = new ArrayList<>();
    List<int[]> equations = equations(cells, checks);
    boolean[] suppressed = new boolean[cells.size()];
    int primary = 0;
    for (int i = 0; i < cells.size(); i++) {
      suppressed[i] = cells.value(i) >= 1 && cells.value(i) <= maxCount;
      primary += suppressed[i] ? 1 : 0;
    }
    int complementary = complete(cells, equations, suppressed);
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    collected.forEach((name, c) -> tables.put(name, publish(c, suppressed)));
    return new Published(tables, checks, maxCount, cells.size(), primary, complementary);
  }

  // ---- cells ----

  /**
   * Every count cell once, with its exact value; ids in the order first seen. A cell is its
   * table, column and key, each text held as a code (millions of keys repeat a few thousand
   * texts), in arrays found through an open-addressing table of ids: a night holds a million
   * cells, and as objects in hash maps they cost more than the rest of the suppression
   * (docs/scale-decisions.md, session 24).
   */
  private static final class Cells {
    /** A code no text has: a text never seen yet. */
    static final int UNSEEN = -2;
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> texts = new ArrayList<>();
    private int size;
    private int[] tables = new int[1024];
    private int[] columns = new int[1024];
    private int[][] keys = new int[1024][];
    private long[] values = new long[1024];
    /** id + 1 at a cell's hash, 0 where free; at most half full */
    private int[] slots = new int[2048];

    /** A text's code: -1 for null. */
    int code(String text) {
      if (text == null) {
        return -1;
      }
      Integer code = codes.get(text);
      if (code == null) {
        code = texts.size();
        codes.put(text, code);
        texts.add(text);
      }
      return code;
    }

    /** The code of a text, {@link #UNSEEN} if no cell has it. */
    int codeOf(String text) {
      return codes.getOrDefault(text, UNSEEN);
    }

    String text(int code) {
      return code < 0 ? null : texts.get(code);
    }

    int[] codes(List<String> key) {
      int[] codes = new int[key.size()];
      for (int i = 0; i < codes.length; i++) {
        codes[i] = code(key.get(i));
      }
      return codes;
    }

    List<String> texts(int[] key) {
      return Arrays.stream(key).mapToObj(this::text).toList();
    }

    /** The cell's id, a new one if it was not seen yet: its table's and column's codes, its key's. */
    int intern(int t, int c, int[] key, long value, String seenIn) {
      int slot = hash(mix(t, c), key, null) & (slots.length - 1);
      for (; slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
        int id = slots[slot] - 1;
        if (tables[id] == t && columns[id] == c && Arrays.equals(keys[id], key)) {
          if (values[id] != value) {
            // tables that publish one figure must agree, or the pattern of one does not protect the other
            throw new IllegalStateException(seenIn + " differs from " + text(t) + "." + text(c) + " at " + texts(key));
          }
          return id;
        }
      }
      int id = size++;
      if (id == values.length) {
        tables = Arrays.copyOf(tables, id * 2);
        columns = Arrays.copyOf(columns, id * 2);
        keys = Arrays.copyOf(keys, id * 2);
        values = Arrays.copyOf(values, id * 2);
      }
      tables[id] = t;
      columns[id] = c;
      keys[id] = key;
      values[id] = value;
      slots[slot] = id + 1;
      if (2 * size > slots.length) {
        int[] old = slots;
        slots = new int[old.length * 2];
        for (int s : old) {
          if (s != 0) {
            int at = hash(mix(tables[s - 1], columns[s - 1]), keys[s - 1], null) & (slots.length - 1);
            while (slots[at] != 0) {
              at = (at + 1) & (slots.length - 1);
            }
            slots[at] = s;
          }
        }
      }
      return id;
    }

    int size() {
      return size;
    }

    long value(int id) {
      return values[id];
    }

    int table(int id) {
      return tables[id];
    }

    int column(int id) {
      return columns[id];
    }

    /** The codes of the cell's key (not to be changed). */
    int[] key(int id) {
      return keys[id];
    }
  }

  private static int mix(int h, int code) {
    return Integer.rotateLeft(h ^ code * 0xcc9e2d51, 15) * 0x1b873593;
  }

  /** A hash of {@code h} and the codes of {@code key} (those not {@code left out}), finished as MurmurHash3 does. */
  private static int hash(int h, int[] key, boolean[] leftOut) {
    for (int i = 0; i < key.length; i++) {
      if (leftOut == null || !leftOut[i]) {
        h = mix(h, key[i]);
      }
    }
    h = (h ^ (h >>> 16)) * 0x85ebca6b;
    h = (h ^ (h >>> 13)) * 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  /**
   * A table's rows as the files will hold them: its published columns and the narrow columns
   * the suppression reads, in one partition in key order, computed once ({@link Lineage#cut});
   * {@value #ROW} numbers them in that order. Per row, the cell of each count on it (-1: no
   * count there). Only the narrow columns come to the driver, one row at a time; the flags go
   * back by row number, so the rows are read and sorted once and never joined.
   */
  private record Collected(PublishedTable table, Dataset<Row> sorted, int[][] cellOfRow) {}

  /** A row's position in its table's key order (the selection's own column). */
  private static final String ROW = "_row";
  /** Tables read and sorted at once: two cores, and a third query planned in the driver meanwhile. */
  private static final int SORTS_SIDE_BY_SIDE = 3;

  /** The narrow columns of {@link #sorted}: the row number, the key, and per count whether and where it is counted. */
  private static List<String> narrow(PublishedTable table) {
    List<String> narrow = new ArrayList<>(List.of(ROW, "_key"));
    for (PublishedColumn c : table.counts()) {
      List<Count> alternatives = c.count().alternatives();
      for (int a = 0; a < alternatives.size(); a++) {
        narrow.add(countedColumn(c.name(), a));
        if (alternatives.get(a).cellOf() != null) {
          narrow.add(cellColumn(c.name(), a));
        }
      }
      narrow.add(c.name());
    }
    return narrow;
  }

  /** The table's published and narrow columns in one partition in key order, numbered, computed once. */
  private static Dataset<Row> sorted(PublishedTable table, Dataset<Row> figures) {
    List<Column> select = new ArrayList<>();
    table.columnNames().forEach(n -> select.add(col(n)));
    select.add(array(table.key().stream().map(k -> col(k).cast("string")).toArray(Column[]::new)).as("_key"));
    for (PublishedColumn c : table.counts()) {
      List<Count> alternatives = c.count().alternatives();
      for (int a = 0; a < alternatives.size(); a++) {
        Count spec = alternatives.get(a);
        Column counted = col(c.name()).isNotNull();
        select.add((spec.where() == null ? counted : counted.and(expr(spec.where()))).as(countedColumn(c.name(), a)));
        if (spec.cellOf() != null) {
          select.add(array(spec.key().stream().map(k -> expr(k).cast("string")).toArray(Column[]::new))
              .as(cellColumn(c.name(), a)));
        }
      }
    }
    // one partition: the files are one part each, and the row numbers run 0, 1, … in key order
    return Lineage.cut(figures.select(select.toArray(Column[]::new)).repartition(1)
        .sortWithinPartitions(table.key().stream().map(k -> col(k)).toArray(Column[]::new))
        .withColumn(ROW, monotonically_increasing_id()));
  }

  /** Each row's cells, read from the sorted rows' narrow columns in their order. */
  private static Collected collect(PublishedTable table, Dataset<Row> sorted, Cells cells) {
    List<PublishedColumn> counts = table.counts();
    Dataset<Row> selected = sorted.select(narrow(table).stream().map(n -> col(n)).toArray(Column[]::new));
    // column positions found once, not by name on every row
    StructType schema = selected.schema();
    int rowAt = schema.fieldIndex(ROW);
    int keyAt = schema.fieldIndex("_key");
    int[] valueAt = new int[counts.size()];
    int[][] countedAt = new int[counts.size()][];
    int[][] cellAt = new int[counts.size()][];
    // and the codes of the table and column each alternative's cell belongs to
    int[][] tableOf = new int[counts.size()][];
    int[][] columnOf = new int[counts.size()][];
    String[] seenIn = new String[counts.size()];
    for (int i = 0; i < counts.size(); i++) {
      String name = counts.get(i).name();
      List<Count> alternatives = counts.get(i).count().alternatives();
      valueAt[i] = schema.fieldIndex(name);
      seenIn[i] = table.table() + "." + name;
      countedAt[i] = new int[alternatives.size()];
      cellAt[i] = new int[alternatives.size()];
      tableOf[i] = new int[alternatives.size()];
      columnOf[i] = new int[alternatives.size()];
      for (int a = 0; a < alternatives.size(); a++) {
        Count spec = alternatives.get(a);
        countedAt[i][a] = schema.fieldIndex(countedColumn(name, a));
        cellAt[i][a] = spec.cellOf() == null ? -1 : schema.fieldIndex(cellColumn(name, a));
        tableOf[i][a] = cells.code(spec.cellOf() == null ? table.table() : spec.cellOf());
        columnOf[i][a] = cells.code(spec.cellOf() == null ? name : spec.column());
      }
    }
    List<int[]> cellOfRow = new ArrayList<>();
    int[] previous = null;
    Iterator<Row> rows = selected.toLocalIterator();
    while (rows.hasNext()) {
      Row row = rows.next();
      if (row.getLong(rowAt) != cellOfRow.size()) {
        throw new IllegalStateException(table.table() + ": rows out of their numbered order");
      }
      int[] key = cells.codes(row.getList(keyAt));
      // the cells are found by key: a key must name one row (rows in key order: a repeat is adjacent)
      if (Arrays.equals(key, previous)) {
        throw new IllegalStateException(table.table() + " has two rows with the key " + cells.texts(key));
      }
      previous = key;
      int[] cellOf = new int[counts.size()];
      for (int i = 0; i < counts.size(); i++) {
        cellOf[i] = -1;
        for (int a = 0; a < countedAt[i].length && cellOf[i] < 0; a++) {
          if (row.getBoolean(countedAt[i][a])) {
            long value = exactCount(row.get(valueAt[i]), seenIn[i]);
            cellOf[i] = cells.intern(tableOf[i][a], columnOf[i][a],
                cellAt[i][a] < 0 ? key : cells.codes(row.getList(cellAt[i][a])), value, seenIn[i]);
          }
        }
      }
      cellOfRow.add(cellOf);
    }
    return new Collected(table, sorted, cellOfRow.toArray(int[][]::new));
  }

  /** Whether alternative {@code a} counts the column's value in a row (the selection's own column). */
  private static String countedColumn(String count, int a) {
    return "_counted_" + count + a;
  }

  /** The key of the cell alternative {@code a} puts the column's value in (the selection's own column). */
  private static String cellColumn(String count, int a) {
    return "_cell_" + count + a;
  }

  private static long exactCount(Object value, String where) {
    double v = ((Number) value).doubleValue();
    if (v != Math.rint(v) || v < 0) {
      throw new IllegalStateException(where + " holds a value that is not a count");
    }
    return (long) v;
  }

  // ---- totals ----

  /** Every total that adds up in the data, as {total, member, member, …}. */
  private List<int[]> equations(Cells cells, List<MarginCheck> checks) {
    Map<Integer, List<Integer>> byTable = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      byTable.computeIfAbsent(cells.table(i), t -> new ArrayList<>()).add(i);
    }
    List<int[]> equations = new ArrayList<>();
    byTable.forEach((code, ids) -> {
      String table = cells.text(code);
      PublishedTable home = PublishedTable.named(table);
      for (Margin margin : home.margins()) {
        List<int[]> candidates = switch (margin.kind()) {
          case "strata" -> strata(cells, ids, home.key());
          case "entities" -> entities(cells, ids, home.key());
          case "codes" -> codes(cells, ids, home.key(), margin.column());
          case "periods" -> periods(cells, ids, home.key(), margin.column());
          default -> throw new IllegalStateException(table + ": unknown margin " + margin.kind());
        };
        int holding = 0;
        for (int[] e : candidates) {
          long members = 0;
          for (int i = 1; i < e.length; i++) {
            members += cells.value(e[i]);
          }
          if (e.length > 1 && members == cells.value(e[0])) {
            equations.add(e);
            holding++;
          }
        }
        checks.add(new MarginCheck(table, margin.kind(), holding, candidates.size() - holding));
      }
    });
    return equations;
  }

  /**
   * The cells of one count column that differ only in the {@code varying} key positions, each
   * group's ids in the order given, the groups in the order first seen. Every cell's key has
   * the {@code columns} of its table's key.
   */
  private static List<int[]> groups(Cells cells, List<Integer> ids, int columns, int... varying) {
    boolean[] varies = new boolean[columns];
    for (int v : varying) {
      varies[v] = true;
    }
    int[] groupOf = new int[ids.size()];
    int[] firstOf = new int[ids.size()];
    int[] sizes = new int[ids.size()];
    int groups = 0;
    int[] slots = new int[Integer.highestOneBit(Math.max(ids.size(), 1)) * 4];
    for (int i = 0; i < ids.size(); i++) {
      int id = ids.get(i);
      int[] key = cells.key(id);
      int slot = hash(cells.column(id), key, varies) & (slots.length - 1);
      int group = -1;
      for (; slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
        int first = firstOf[slots[slot] - 1];
        if (cells.column(first) == cells.column(id) && sameExcept(cells.key(first), key, varies)) {
          group = slots[slot] - 1;
          break;
        }
      }
      if (group < 0) {
        group = groups++;
        firstOf[group] = id;
        slots[slot] = group + 1;
      }
      groupOf[i] = group;
      sizes[group]++;
    }
    List<int[]> members = new ArrayList<>(groups);
    for (int g = 0; g < groups; g++) {
      members.add(new int[sizes[g]]);
    }
    int[] filled = new int[groups];
    for (int i = 0; i < ids.size(); i++) {
      members.get(groupOf[i])[filled[groupOf[i]]++] = ids.get(i);
    }
    return members;
  }

  private static boolean sameExcept(int[] a, int[] b, boolean[] varies) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!varies[i] && a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }

  /** The cell of the group whose key holds {@code codes} at {@code positions}; -1 if none. */
  private static int find(Cells cells, int[] group, int[] positions, int... codes) {
    for (int id : group) {
      boolean match = true;
      for (int p = 0; p < positions.length && match; p++) {
        match = cells.key(id)[positions[p]] == codes[p];
      }
      if (match) {
        return id;
      }
    }
    return -1;
  }

  /** Each dimension's values add up to the stratum ALL row. */
  private static List<int[]> strata(Cells cells, List<Integer> ids, List<String> key) {
    List<int[]> out = new ArrayList<>();
    int[] varying = {key.indexOf("stratum"), key.indexOf("stratum_value")};
    int all = cells.codeOf(ALL);
    for (int[] group : groups(cells, ids, key.size(), varying)) {
      int total = find(cells, group, varying, all, all);
      if (total < 0) {
        continue;
      }
      Map<Integer, List<Integer>> members = new LinkedHashMap<>();
      for (int id : group) {
        int dimension = cells.key(id)[varying[0]];
        if (dimension != all) {
          members.computeIfAbsent(dimension, d -> new ArrayList<>()).add(id);
        }
      }
      members.values().forEach(m -> out.add(equation(total, m)));
    }
    return out;
  }

  /** Programs add up to their contract and to the state; contracts to the state. */
  private List<int[]> entities(Cells cells, List<Integer> ids, List<String> key) {
    List<int[]> out = new ArrayList<>();
    int[] varying = {key.indexOf("level"), key.indexOf("entity_id")};
    int program = cells.codeOf("PROGRAM");
    int contractLevel = cells.codeOf("CONTRACT");
    for (int[] group : groups(cells, ids, key.size(), varying)) {
      Map<String, List<Integer>> programsOf = new LinkedHashMap<>();
      List<Integer> programs = new ArrayList<>();
      List<Integer> contracts = new ArrayList<>();
      for (int id : group) {
        int level = cells.key(id)[varying[0]];
        if (level == program) {
          programs.add(id);
          String contract = contractOfProgram.get(cells.text(cells.key(id)[varying[1]]));
          if (contract != null) {
            programsOf.computeIfAbsent(contract, c -> new ArrayList<>()).add(id);
          }
        } else if (level == contractLevel) {
          contracts.add(id);
        }
      }
      programsOf.forEach((contract, members) -> {
        int total = find(cells, group, varying, contractLevel, cells.codeOf(contract));
        if (total >= 0) {
          out.add(equation(total, members));
        }
      });
      int state = find(cells, group, varying, cells.codeOf("STATE"), cells.codeOf(ALL));
      if (state >= 0) {
        out.add(equation(state, contracts));
        out.add(equation(state, programs));
      }
    }
    return out;
  }

  /** The codes of a column add up to its ALL code. */
  private static List<int[]> codes(Cells cells, List<Integer> ids, List<String> key, String column) {
    List<int[]> out = new ArrayList<>();
    int at = key.indexOf(column);
    int all = cells.codeOf(ALL);
    for (int[] group : groups(cells, ids, key.size(), at)) {
      int total = find(cells, group, new int[] {at}, all);
      if (total >= 0) {
        out.add(equation(total, Arrays.stream(group).filter(id -> cells.key(id)[at] != all).boxed().toList()));
      }
    }
    return out;
  }

  /** Every way published periods tile a longer one (SFY Q1 + Q2 = H1, months = a quarter, YTD = Q1 + Q2 + Q3, …). */
  private List<int[]> periods(Cells cells, List<Integer> ids, List<String> key, String column) {
    List<int[]> out = new ArrayList<>();
    int at = key.indexOf(column);
    // a few dozen labels over millions of cells: each parsed once
    Map<Integer, Optional<LocalDate[]>> spanOf = new HashMap<>();
    for (int[] group : groups(cells, ids, key.size(), at)) {
      List<Integer> members = new ArrayList<>();
      List<LocalDate[]> spans = new ArrayList<>();
      for (int id : group) {
        LocalDate[] span = spanOf.computeIfAbsent(cells.key(id)[at], label -> Optional.ofNullable(span(cells.text(label))))
            .orElse(null);
        if (span != null) {
          members.add(id);
          spans.add(span);
        }
      }
      for (int t = 0; t < members.size(); t++) {
        LocalDate[] span = spans.get(t);
        List<Integer> inside = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
          if (i != t && !spans.get(i)[0].isBefore(span[0]) && !spans.get(i)[1].isAfter(span[1])) {
            inside.add(i);
          }
        }
        List<List<Integer>> tilings = new ArrayList<>();
        tile(span[0], span[1], inside, spans, new ArrayList<>(), tilings);
        int total = members.get(t);
        tilings.forEach(tiling -> out.add(equation(total, tiling.stream().map(members::get).toList())));
      }
    }
    return out;
  }

  /** Every sequence of the {@code inside} spans (positions in {@code spans}) that runs from {@code from} to {@code end}. */
  private static void tile(LocalDate from, LocalDate end, List<Integer> inside, List<LocalDate[]> spans,
                           List<Integer> chosen, List<List<Integer>> tilings) {
    if (from.isAfter(end)) {
      tilings.add(List.copyOf(chosen));
      return;
    }
    for (int i : inside) {
      if (spans.get(i)[0].equals(from) && tilings.size() < MAX_TILINGS) {
        chosen.add(i);
        tile(spans.get(i)[1].plusDays(1), end, inside, spans, chosen, tilings);
        chosen.remove(chosen.size() - 1);
      }
    }
  }

  private static final Pattern MONTH_END = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** First and last day of a period label (FFY/SFY periods, a month-end date = its calendar month); null if unknown. */
  LocalDate[] span(String label) {
    if (label == null) {
      return null;
    }
    if (MONTH_END.matcher(label).matches()) {
      LocalDate end = LocalDate.parse(label);
      return new LocalDate[] {end.withDayOfMonth(1), end};
    }
    return PeriodName.tryParse(label).map(name -> name.period(asOf))
        .map(p -> new LocalDate[] {p.start(), p.end()}).orElse(null);
  }

  private static int[] equation(int total, List<Integer> members) {
    int[] e = new int[members.size() + 1];
    e[0] = total;
    for (int i = 0; i < members.size(); i++) {
      e[i + 1] = members.get(i);
    }
    return e;
  }

  // ---- the pattern ----

  /**
   * Complementary suppression to a fixpoint: while some total has exactly one suppressed cell
   * (member or total), suppress its smallest non-zero shown cell (ties: the first in table
   * order). A zero is never chosen: a suppressed zero beside a small total gives the other
   * cell away to anyone who knows the rule. Returns how many cells it suppressed.
   */
  private static int complete(Cells cells, List<int[]> equations, boolean[] suppressed) {
    int[] degree = new int[cells.size()];
    equations.forEach(e -> Arrays.stream(e).forEach(c -> degree[c]++));
    int[][] equationsOf = new int[cells.size()][];
    for (int c = 0; c < cells.size(); c++) {
      equationsOf[c] = new int[degree[c]];
    }
    int[] filled = new int[cells.size()];
    for (int e = 0; e < equations.size(); e++) {
      for (int c : equations.get(e)) {
        equationsOf[c][filled[c]++] = e;
      }
    }
    ArrayDeque<Integer> work = new ArrayDeque<>();
    boolean[] queued = new boolean[equations.size()];
    for (int e = 0; e < equations.size(); e++) {
      work.add(e);
      queued[e] = true;
    }
    int added = 0;
    while (!work.isEmpty()) {
      int e = work.poll();
      queued[e] = false;
      int[] members = equations.get(e);
      int hidden = 0;
      for (int c : members) {
        hidden += suppressed[c] ? 1 : 0;
      }
      if (hidden != 1) {
        continue;
      }
      int pick = -1;
      for (int c : members) {
        if (!suppressed[c] && cells.value(c) > 0
            && (pick < 0 || cells.value(c) < cells.value(pick) || cells.value(c) == cells.value(pick) && c < pick)) {
          pick = c;
        }
      }
      if (pick < 0) {
        continue; // every shown cell is 0: the suppressed one equals the (suppressed or zero) rest, nothing to add
      }
      suppressed[pick] = true;
      added++;
      for (int other : equationsOf[pick]) {
        if (!queued[other]) {
          queued[other] = true;
          work.add(other);
        }
      }
    }
    return added;
  }

  // ---- output ----

  /** The published columns in key order, one partition (one part per file), with the pattern's flags and empties. */
  private Dataset<Row> publish(Collected c, boolean[] suppressed) {
    PublishedTable table = c.table();
    List<PublishedColumn> counts = table.counts();
    // bit row × counts + i: the row's i-th count is suppressed (a bit per count cell, not a row per flagged row)
    BitSet hidden = new BitSet();
    for (int r = 0; r < c.cellOfRow().length; r++) {
      for (int i = 0; i < counts.size(); i++) {
        int cell = c.cellOfRow()[r][i];
        if (cell >= 0 && suppressed[cell]) {
          hidden.set(r * counts.size() + i);
        }
      }
    }
    SparkSession spark = c.sorted().sparkSession();
    Broadcast<BitSet> bits = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(hidden);
    int width = counts.size();
    UserDefinedFunction hiddenAt = udf((UDF2<Long, Integer, Boolean>) (row, i) ->
        bits.value().get(Math.toIntExact(row * width + i)), DataTypes.BooleanType).asNonNullable();
    List<Column> out = new ArrayList<>();
    for (String name : table.columnNames()) {
      Column value = col(name);
      int i = counts.indexOf(table.column(name).orElseThrow());
      if (i >= 0) {
        value = when(hiddenAt.apply(col(ROW), lit(i)), lit(null)).otherwise(value);
      }
      out.add(value.as(name));
    }
    for (int i = 0; i < counts.size(); i++) {
      out.add(hiddenAt.apply(col(ROW), lit(i)).as(counts.get(i).name() + FLAG));
    }
    Dataset<Row> rows = c.sorted().select(out.toArray(Column[]::new));
    boolean grouped = false;
    for (PublishedColumn derived : table.columns()) {
      if (derived.suppressedWith() != null) {
        Column hiddenHere = lit(false);
        for (DerivedRule rule : derived.suppressedWith()) {
          hiddenHere = hiddenHere.or(holds(rule));
          grouped |= rule.group() != null;
        }
        rows = rows.withColumn(derived.name(), when(hiddenHere, lit(null)).otherwise(col(derived.name())));
      }
    }
    // a rule over a group of rows reorders them (a window): back to one partition in key order
    return grouped
        ? rows.repartition(1).sortWithinPartitions(table.key().stream().map(k -> col(k)).toArray(Column[]::new))
        : rows;
  }

  private static Column holds(DerivedRule rule) {
    Column any = lit(false);
    for (String count : rule.counts()) {
      any = any.or(col(count + FLAG));
    }
    if (rule.group() != null) {
      any = max(when(any, 1).otherwise(0)).over(Window.partitionBy(rule.group().stream().map(g -> col(g))
          .toArray(Column[]::new))).equalTo(1);
    }
    return rule.where() == null ? any : expr(rule.where()).and(any);
  }
}
