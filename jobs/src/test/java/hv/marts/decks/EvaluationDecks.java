package hv.marts.decks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hv.family.CoreRows;
import hv.family.Families;
import hv.family.Family;
import hv.indicators.CaseloadSlots;
import hv.indicators.CaseloadUtilization;
import hv.indicators.Fact;
import hv.indicators.Indicators;
import hv.quality.Checks;
import hv.ops.OpsTables;
import hv.quality.Item;
import hv.quality.Quarantined;
import hv.quality.QuarantinedRow;
import hv.time.RunPeriods;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The plain-Java service delivery and data quality rules on a deck's live rows, without
 * Spark: what {@link hv.marts.FamilyPass} gives on the same rows, and the roll-up of facts to
 * a program's published numerator, denominator and value as {@code ServiceDelivery.rollUp}
 * computes it (FamilyPassTest holds the two to the same figures on the service delivery deck).
 */
public final class EvaluationDecks {

  /** A program's published figures of one indicator in one frame. */
  public record Figures(Double numerator, Double denominator, Double value) {}

  private EvaluationDecks() {}

  /** Every indicator's facts: of the families, of each intake referral, of each staff row with its program's model. */
  public static List<Fact> facts(Map<String, List<Row>> live, RunPeriods periods, CaseloadSlots slots) {
    List<Fact> facts = new ArrayList<>();
    for (Family f : Families.inMemory(live)) {
      facts.addAll(Indicators.of(f, periods));
    }
    for (Row r : live.get("intake_referrals")) {
      facts.addAll(Indicators.of(CoreRows.intakeReferral(r), periods));
    }
    Map<String, String> modelOf = new HashMap<>();
    live.get("programs").forEach(p -> modelOf.put(p.getAs("program_id"), p.getAs("model")));
    for (Row r : live.get("staff")) {
      facts.addAll(CaseloadUtilization.slots(CoreRows.staff(r), modelOf.get(r.<String>getAs("program_id")), slots,
          periods));
    }
    return facts;
  }

  /** Every family check's items (the quarantine's are the caller's: a deck's quarantine is no core table). */
  public static List<Item> familyItems(Map<String, List<Row>> live, LocalDate asOf) {
    List<Item> items = new ArrayList<>();
    for (Family f : Families.inMemory(live)) {
      items.addAll(Checks.of(f, asOf));
    }
    return items;
  }

  /**
   * The items of a deck's ops.quarantine rows ({@link #quarantine}), each with the program of the
   * live episode it names: the refused row's program_id and enrollment_id read from the deck.
   */
  public static List<Item> quarantinedItems(Deck deck, Map<String, List<Row>> live) {
    Map<String, String> programOfEpisode = new HashMap<>();
    live.get("enrollments").forEach(e -> programOfEpisode.put(e.getAs("enrollment_id"), e.getAs("program_id")));
    List<Item> items = new ArrayList<>();
    for (Deck.Case c : deck.cases()) {
      for (JsonNode q : c.rows().path("quarantine")) {
        JsonNode row = q.path("row");
        String enrollment = row.hasNonNull("enrollment_id") ? c.idPrefix() + row.get("enrollment_id").asText() : null;
        String ownProgram = row.hasNonNull("program_id") ? row.get("program_id").asText() : null;
        QuarantinedRow quarantined = new QuarantinedRow(LocalDate.parse(q.path("extract_date").asText()),
            q.path("file").asText(), q.path("line").asLong(), c.idPrefix() + q.path("record_key").asText(),
            q.path("reason").asText(), ownProgram, enrollment);
        Quarantined.item(quarantined, programOfEpisode.get(enrollment), deck.asOf()).ifPresent(items::add);
      }
    }
    return items;
  }

  /**
   * A deck's ops.quarantine rows ({@link OpsTables#QUARANTINE}) of every case; the record key and
   * the ids in the refused row are case-local (program ids are shared).
   */
  public static List<Row> quarantine(Deck deck) {
    List<Row> rows = new ArrayList<>();
    for (Deck.Case c : deck.cases()) {
      for (JsonNode q : c.rows().path("quarantine")) {
        ObjectNode fields = q.path("row").deepCopy();
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
          if (!name.equals("program_id")) {
            fields.put(name, c.idPrefix() + fields.get(name).asText());
          }
        }
        rows.add(RowFactory.create("deck", Date.valueOf(LocalDate.parse(q.path("extract_date").asText())),
            q.path("file").asText(), q.path("line").asLong(), c.idPrefix() + q.path("record_key").asText(),
            q.path("reason").asText(), null, fields.toString()));
      }
    }
    return rows;
  }

  /**
   * The facts rolled up per program: by {@code "<program> <indicator> <period_or_date>"}, the
   * sums of num and den (empty when every part is), and the value: the median of days (Spark's
   * {@code percentile(days, 0.5)}, interpolated), the count, or Σ num / Σ den (empty for 0).
   */
  public static Map<String, Figures> byProgram(List<Fact> facts) {
    Map<String, List<Fact>> groups = new TreeMap<>();
    for (Fact f : facts) {
      groups.computeIfAbsent(f.programId() + " " + f.indicator() + " " + f.periodOrDate(), k -> new ArrayList<>())
          .add(f);
    }
    Map<String, Figures> figures = new TreeMap<>();
    groups.forEach((key, group) -> {
      Double num = sum(group.stream().map(Fact::num).toList());
      Double den = sum(group.stream().map(Fact::den).toList());
      Double value = switch (group.get(0).kind()) {
        case MEDIAN -> median(group.stream().map(Fact::days).sorted().toList());
        case COUNT -> num;
        case RATIO -> num == null || den == null || den <= 0 ? null : num / den;
      };
      figures.put(key, new Figures(num, den, value));
    });
    return figures;
  }

  private static Double sum(List<Double> parts) {
    return parts.stream().allMatch(p -> p == null) ? null
        : parts.stream().filter(p -> p != null).mapToDouble(Double::doubleValue).sum();
  }

  private static double median(List<Integer> sorted) {
    double position = 0.5 * (sorted.size() - 1);
    int lower = (int) Math.floor(position);
    int higher = (int) Math.ceil(position);
    if (lower == higher) {
      return sorted.get(lower);
    }
    return (higher - position) * sorted.get(lower) + (position - lower) * sorted.get(higher);
  }
}
