package hv.publish;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import hv.measures.MeasureFacts;
import hv.measures.MeasureFacts.MeasureSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mart table as it leaves the warehouse, from {@code schemas/marts/<table>.json}: the
 * exported columns (no other column leaves), which are counts, which values are derived
 * from counts, and the margins along which counts add up. Read by {@link Suppression}, and
 * by {@link Exports} for the data dictionary: one description, so files and dictionary
 * cannot drift apart.
 *
 * @param key     the columns that identify a row
 * @param margins the totals the table publishes (see {@link Margin})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishedTable(String table, String description, List<String> key, List<Margin> margins,
                             List<PublishedColumn> columns) {

  /**
   * A way counts add up to a total that is also published: {@code strata} (the values of a
   * dimension add up to the stratum ALL row), {@code entities} (programs add up to their
   * contract and to the state, contracts to the state), {@code codes} (the codes of
   * {@code column} add up to its ALL code), {@code periods} (periods of {@code column} that
   * tile a longer one add up to it).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Margin(String kind, String column) {}

  /**
   * @param count          present when the column is a count (suppressed from 1 to the threshold)
   * @param suppressedWith present when the value is derived from counts: empty when any rule holds
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PublishedColumn(String name, String meaning, Count count, List<DerivedRule> suppressedWith) {
    public boolean isCount() {
      return count != null;
    }
  }

  /**
   * A count column. By default the count is a cell of this table under the row's key;
   * {@code cellOf} names another table whose cell this is the same figure as, found by
   * {@code key} (Spark SQL expressions over this table's columns, in that table's key
   * order), so that one figure published in two tables gets one decision. {@code where}
   * (Spark SQL) limits the rows on which the column holds a count. {@code oneOf}: the
   * first alternative whose {@code where} holds on the row (a column holding figures of
   * different tables, such as the comparison's benchmark and rate card codes).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Count(String cellOf, String column, List<String> key, String where, List<Count> oneOf) {
    /** The alternatives: {@code oneOf}, or this count alone. */
    public List<Count> alternatives() {
      return oneOf == null ? List.of(this) : oneOf;
    }
  }

  /**
   * A derived value is suppressed when one of {@code counts} is suppressed on its row, or,
   * with {@code group}, on any row with the same values of those columns; {@code where}
   * (Spark SQL) limits the rule to some rows.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DerivedRule(List<String> counts, List<String> group, String where) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Index(String description, List<String> published, Map<String, String> withheld,
               List<PublishedColumn> commonColumns) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> MEASURE_WORDS = Map.of(
      "${benchmarks}", MeasureFacts.range(MeasureSet.BENCHMARK),
      "${outcomes}", MeasureFacts.range(MeasureSet.RATE_CARD),
      "${benchmark names}", MeasureFacts.named(MeasureSet.BENCHMARK),
      "${outcome names}", MeasureFacts.named(MeasureSet.RATE_CARD),
      "${strata}", ReportLabels.strataInWords(),
      "${count measures}", MeasureFacts.inWords(MeasureFacts.codes(MeasureFacts::counts)),
      "${lower is better}", MeasureFacts.inWords(MeasureFacts.codes(MeasureFacts::lowerIsBetter)));
  private static Map<String, PublishedTable> loaded;
  private static Index index;

  /** Every published table, in publication order. */
  public static synchronized Map<String, PublishedTable> all() {
    if (loaded == null) {
      index = read("schemas/marts/published.json", Index.class);
      Map<String, PublishedTable> tables = new LinkedHashMap<>();
      for (String name : index.published()) {
        PublishedTable t = read("schemas/marts/" + name + ".json", PublishedTable.class);
        List<PublishedColumn> columns = new ArrayList<>(t.columns().stream().map(c -> new PublishedColumn(c.name(),
            withMeasureWords(c.meaning()), c.count(), c.suppressedWith())).toList());
        columns.addAll(index.commonColumns());
        tables.put(name, new PublishedTable(t.table(), t.description(), t.key(), t.margins(), List.copyOf(columns)));
      }
      loaded = tables;
    }
    return loaded;
  }

  /**
   * A meaning with the registry's words for its placeholders ({@code ${benchmarks}} →
   * {@code PM01 ... PM19}, {@code ${outcomes}}, {@code ${benchmark names}} → {@code PM01 Preterm birth, …},
   * {@code ${outcome names}}, {@code ${count measures}}, {@code ${lower is better}}, {@code ${strata}} → every
   * dimension's values): the schemas name no measure or stratum list of their own.
   */
  static String withMeasureWords(String meaning) {
    String text = meaning;
    for (Map.Entry<String, String> w : MEASURE_WORDS.entrySet()) {
      text = text.replace(w.getKey(), w.getValue());
    }
    if (text.contains("${")) {
      throw new IllegalStateException("unknown placeholder in: " + meaning);
    }
    return text;
  }

  public static PublishedTable named(String table) {
    PublishedTable t = all().get(table);
    if (t == null) {
      throw new IllegalArgumentException("not a published table: " + table);
    }
    return t;
  }

  /** Mart tables and columns that never leave the warehouse, with the reason. */
  public static Map<String, String> withheld() {
    all();
    return index.withheld();
  }

  public List<String> columnNames() {
    return columns.stream().map(PublishedColumn::name).toList();
  }

  public List<PublishedColumn> counts() {
    return columns.stream().filter(PublishedColumn::isCount).toList();
  }

  public Optional<PublishedColumn> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  private static <T> T read(String resource, Class<T> type) {
    try (InputStream in = PublishedTable.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return JSON.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
