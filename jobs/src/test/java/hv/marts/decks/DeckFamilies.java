package hv.marts.decks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hv.contract.ColumnSpec;
import hv.contract.Contract;
import hv.contract.FileSchema;
import hv.core.CoreSchema;
import hv.core.CoreTables;
import hv.time.RunPeriods;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Turns a deck's cases into core tables: every row is its table's defaults (defaults.json,
 * then the deck's) overlaid with what the case states; keys default to a letter and the
 * row's position (E1, E2, …); a case without caregivers or enrollments gets one default
 * each; a child's child_enrollment_date defaults to the later of its birth and its episode's
 * enrollment_date (the contract's rule). Every id except the programs' is made case-local.
 */
public final class DeckFamilies {

  /** Tables that always hold one row per case unless the case lists its own. */
  private static final Set<String> ALWAYS_PRESENT = Set.of("caregivers", "enrollments");
  /** Ids shared by all cases: the programs are the deck's, not a family's. */
  private static final Set<String> SHARED_IDS = Set.of("program_id", "contractor_id");

  private final JsonNode defaults;
  private final JsonNode keyLetters;

  /** With the defaults of {@code decks/defaults.json}. */
  public static DeckFamilies standard() {
    return new DeckFamilies(Deck.readJson(Deck.folder().resolve("defaults.json")));
  }

  public DeckFamilies(JsonNode globalDefaults) {
    this.defaults = globalDefaults.path("rows");
    this.keyLetters = globalDefaults.path("keys");
  }

  public CoreTables tables(SparkSession spark, Deck deck) {
    Map<String, List<Row>> rows = rows(deck);
    Map<String, Dataset<Row>> held = new LinkedHashMap<>();
    for (FileSchema f : Contract.get().files()) {
      held.put(f.table(), spark.createDataFrame(rows.get(f.table()), CoreSchema.of(f)));
    }
    return CoreTables.of(held);
  }

  /** The deck's rows per core table, as held (deleted ones included), typed as {@link CoreSchema} says. */
  public Map<String, List<Row>> rows(Deck deck) {
    Map<String, List<Row>> rows = new LinkedHashMap<>();
    for (FileSchema f : Contract.get().files()) {
      rows.put(f.table(), new ArrayList<>());
    }
    JsonNode programs = deck.programs().isMissingNode() ? defaults.path("program_list") : deck.programs();
    for (JsonNode p : programs) {
      rows.get("programs").add(row("programs", overlay(deck, "programs", p), ""));
    }
    for (Deck.Case c : deck.cases()) {
      Map<String, LocalDate> enrollmentDates = new HashMap<>();
      for (FileSchema f : Contract.get().files()) {
        if (f.table().equals("programs")) {
          continue;
        }
        List<ObjectNode> given = listOf(c.rows().path(f.table()));
        if (given.isEmpty() && ALWAYS_PRESENT.contains(f.table())) {
          given = List.of(JsonNodeFactory.instance.objectNode());
        }
        for (int i = 0; i < given.size(); i++) {
          ObjectNode r = overlay(deck, f.table(), given.get(i));
          if (!r.hasNonNull(f.key())) {
            r.put(f.key(), keyLetters.path(f.table()).asText() + (i + 1));
          }
          if (f.table().equals("enrollments")) {
            enrollmentDates.put(r.get("enrollment_id").asText(), LocalDate.parse(r.get("enrollment_date").asText()));
          }
          if (f.table().equals("children") && !r.hasNonNull("child_enrollment_date")) {
            LocalDate birth = LocalDate.parse(r.get("birth_date").asText());
            LocalDate enrolled = enrollmentDates.getOrDefault(r.path("enrollment_id").asText(), birth);
            r.put("child_enrollment_date", (birth.isAfter(enrolled) ? birth : enrolled).toString());
          }
          rows.get(f.table()).add(row(f.table(), r, c.idPrefix()));
        }
      }
    }
    return rows;
  }

  /**
   * The live rows, in memory: the rule of {@link CoreTables#of} without Spark (deleted records
   * removed, and with them every row referencing a removed or unknown record; parents come
   * before children in the contract's file order, so one pass cascades).
   */
  public static Map<String, List<Row>> live(Map<String, List<Row>> held) {
    Map<String, List<Row>> live = new LinkedHashMap<>();
    Map<String, Set<Object>> liveKeys = new HashMap<>();
    for (FileSchema f : Contract.get().files()) {
      List<Row> kept = new ArrayList<>();
      for (Row r : held.get(f.table())) {
        boolean deleted = Boolean.TRUE.equals(r.getAs("deleted"));
        boolean orphan = f.parentReferences().stream().anyMatch(ref -> {
          Object parent = r.getAs(ref.name());
          return parent == null ? ref.required() : !liveKeys.get(ref.parent()).contains(parent);
        });
        if (!deleted && !orphan) {
          kept.add(r);
        }
      }
      live.put(f.table(), kept);
      liveKeys.put(f.table(), kept.stream().map(r -> r.getAs(f.key())).collect(java.util.stream.Collectors.toSet()));
    }
    return live;
  }

  /** A run's periods and frames on live rows: from their earliest enrollment_date to the as-of date. */
  public static RunPeriods periods(Map<String, List<Row>> live, LocalDate asOf) {
    LocalDate earliest = live.get("enrollments").stream().map(r -> r.<Date>getAs("enrollment_date").toLocalDate())
        .min(LocalDate::compareTo).orElse(null);
    return RunPeriods.of(earliest, asOf);
  }

  private ObjectNode overlay(Deck deck, String table, JsonNode given) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    for (JsonNode layer : List.of(defaults.path(table), deck.defaults().path(table), given)) {
      if (layer.isObject()) {
        r.setAll((ObjectNode) layer);
      }
    }
    return r;
  }

  private static List<ObjectNode> listOf(JsonNode node) {
    List<ObjectNode> list = new ArrayList<>();
    if (node.isObject()) {
      list.add((ObjectNode) node);
    } else if (node.isArray()) {
      node.forEach(n -> list.add((ObjectNode) n));
    }
    return list;
  }

  private static Row row(String table, ObjectNode values, String idPrefix) {
    FileSchema file = Contract.get().file(table);
    StructType schema = CoreSchema.of(file);
    Object[] cells = new Object[schema.size()];
    for (int i = 0; i < schema.size(); i++) {
      StructField field = schema.fields()[i];
      JsonNode v = values.path(field.name());
      if (v.isMissingNode() || v.isNull()) {
        continue;
      }
      boolean localId = file.column(field.name()).map(ColumnSpec::type).filter("id"::equals).isPresent()
          && !SHARED_IDS.contains(field.name());
      cells[i] = localId ? idPrefix + v.asText() : value(field.dataType(), v);
    }
    return new GenericRowWithSchema(cells, schema);
  }

  private static Object value(DataType type, JsonNode v) {
    if (type.equals(DataTypes.BooleanType)) {
      return v.isBoolean() ? v.asBoolean() : "Y".equals(v.asText());
    }
    if (type.equals(DataTypes.IntegerType)) {
      return v.asInt();
    }
    if (type.equals(DataTypes.LongType)) {
      return v.asLong();
    }
    if (type instanceof DecimalType) {
      return new BigDecimal(v.asText());
    }
    if (type.equals(DataTypes.DateType)) {
      return Date.valueOf(LocalDate.parse(v.asText()));
    }
    if (type.equals(DataTypes.TimestampType)) {
      return Timestamp.from(Instant.parse(v.asText()));
    }
    return v.asText();
  }
}
