package hv.publish;

import static org.apache.spark.sql.functions.col;

import hv.marts.ratecard.RateCardPrices;
import hv.ops.Progress;
import hv.publish.PublishedTable.PublishedColumn;
import hv.spark.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * {@code <warehouse>/exports/<as-of>/}: the files that leave the warehouse. Every published
 * mart ({@link PublishedTable}) suppressed by {@link Suppression} as one CSV and one Parquet
 * file, the data dictionary of those files, and the providers' rate card reports
 * ({@link RateCardReports}). The folder is built beside the old one under a hidden name and
 * renamed into place, so a crash never leaves a half-written export folder visible; a
 * re-run of the same night writes the same rows (the same bytes, except a set in the Parquet
 * footers whose order varies between processes: docs/publication-decisions.md, 15).
 */
public final class Exports {

  public static final String DICTIONARY = "data-dictionary.csv";
  public static final String DICTIONARY_TEXT = "data-dictionary.md";

  private final Warehouse warehouse;
  private final Progress progress;

  public Exports(Warehouse warehouse, Progress progress) {
    this.warehouse = warehouse;
    this.progress = progress;
  }

  /** {@code <warehouse>/exports/<as-of>/}. */
  public static Path folder(Warehouse warehouse, LocalDate asOf) {
    return warehouse.root().resolve("exports").resolve(asOf.toString());
  }

  /** The published marts as the warehouse holds them now, suppressed: what the files hold. */
  public static Suppression.Published suppressed(Warehouse warehouse, LocalDate asOf, Dataset<Row> programs) {
    Map<String, Dataset<Row>> marts = new LinkedHashMap<>();
    PublishedTable.all().keySet().forEach(t -> marts.put(t, warehouse.read("marts", t)));
    return Suppression.configured(programs, asOf).apply(marts);
  }

  /** Replaces the export folder of {@code asOf} with the files of the marts as published tonight. */
  public void publish(LocalDate asOf, Dataset<Row> programs, RateCardPrices prices) {
    Path folder = folder(warehouse, asOf);
    Path exports = folder.getParent();
    String hidden = "." + asOf + ".";
    try {
      Files.createDirectories(exports);
      removeLeftovers(exports, hidden);
      Path staging = exports.resolve(hidden + "staging-" + UUID.randomUUID());
      Files.createDirectories(staging);

      Suppression.Published published = suppressed(warehouse, asOf, programs);
      progress.say("exports: %d cells, %d suppressed as small, %d as complements; totals used: %s", published.cells(),
          published.primary(), published.complementary(), published.margins().stream()
              .map(m -> m.table() + " " + m.kind() + " " + m.holding() + (m.notHolding() > 0
                  ? " (" + m.notHolding() + " do not add up)" : ""))
              .collect(Collectors.joining(", ")));
      Map<String, List<StructField>> written = new LinkedHashMap<>();
      published.tables().forEach((table, rows) -> {
        Dataset<Row> single = rows.repartition(1).sortWithinPartitions(
            PublishedTable.named(table).key().stream().map(k -> col(k)).toArray(Column[]::new));
        writeOne(single, "csv", staging, table);
        writeOne(single, "parquet", staging, table);
        written.put(table, List.of(rows.schema().fields()));
      });
      writeDictionary(staging, written, published);
      Report.write(staging.resolve(Report.FILE), ReportFigures.of(asOf, published, programs));
      RateCardReports.write(staging.resolve("ratecard"), warehouse.read("marts", "ratecard_results"),
          warehouse.read("marts", "ratecard_payments"), programs, prices);
      replace(folder, staging, exports.resolve(hidden + "replaced-" + UUID.randomUUID()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the exports of " + asOf, e);
    }
  }

  /** One file {@code <table>.<format>}: Spark writes a folder with one part; the part is moved out of it. */
  private static void writeOne(Dataset<Row> single, String format, Path staging, String table) {
    Path parts = staging.resolve(".parts-" + table + "-" + format);
    single.write().format(format).option("header", "true").save(parts.toUri().toString());
    try (Stream<Path> files = Files.list(parts)) {
      List<Path> part = files.filter(p -> p.getFileName().toString().startsWith("part-")).toList();
      if (part.size() != 1) {
        throw new IllegalStateException(table + ": expected one " + format + " part, found " + part.size());
      }
      Files.move(part.get(0), staging.resolve(table + "." + format));
      deleteTree(parts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code data-dictionary.csv} (one row per file and column: type as written, meaning,
   * suppression) and {@code data-dictionary.md} (the same for people, with the rule), both
   * from {@code schemas/marts/}.
   */
  private static void writeDictionary(Path staging, Map<String, List<StructField>> written,
                                      Suppression.Published published) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    StringBuilder text = new StringBuilder("# Data dictionary\n\n")
        .append("Files: one CSV and one Parquet file per table, the same rows and columns. Counts from 1 to ")
        .append(published.maxCount()).append(" are suppressed (empty), with every value derived from them; ")
        .append("where that would let a suppressed count be worked out by subtraction from a published total ")
        .append("(strata add up to ALL, programs to their contract and the state, contracts to the state, ")
        .append("outcomes to ALL, shorter periods to longer ones), the next-smallest cell is suppressed too. ")
        .append("Each count has a `<count>_suppressed` column: true where it is suppressed. The warehouse's ")
        .append("tables keep the exact counts.\n\nNot published: ")
        .append(PublishedTable.withheld().entrySet().stream().map(e -> "`" + e.getKey() + "` (" + e.getValue() + ")")
            .collect(Collectors.joining("; ")))
        .append(".\n");
    written.forEach((table, fields) -> {
      PublishedTable description = PublishedTable.named(table);
      text.append("\n## ").append(table).append(".csv, ").append(table).append(".parquet\n\n")
          .append(description.description()).append(" One row per ")
          .append(String.join(", ", description.key())).append(".\n\n| column | type | meaning | suppression |\n|---|---|---|---|\n");
      for (StructField field : fields) {
        String type = field.dataType().simpleString();
        String meaning = meaning(description, field.name());
        String suppression = suppression(description, field.name());
        for (String format : List.of("csv", "parquet")) {
          rows.add(List.of(table + "." + format, field.name(), type, meaning, suppression));
        }
        text.append("| `").append(field.name()).append("` | ").append(type).append(" | ").append(meaning)
            .append(" | ").append(suppression).append(" |\n");
      }
    });
    try (Writer out = Files.newBufferedWriter(staging.resolve(DICTIONARY));
         CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
             .setHeader("file", "column", "type", "meaning", "suppression").setRecordSeparator("\n").build())) {
      for (List<String> row : rows) {
        csv.printRecord(row);
      }
    }
    Files.writeString(staging.resolve(DICTIONARY_TEXT), text);
  }

  /** What a column holds: its description, or for a flag the count it flags; an undescribed column is an error. */
  static String meaning(PublishedTable table, String column) {
    if (column.endsWith(Suppression.FLAG)) {
      String count = column.substring(0, column.length() - Suppression.FLAG.length());
      if (table.column(count).filter(PublishedColumn::isCount).isPresent()) {
        return "true where " + count + " is suppressed";
      }
    }
    return table.column(column).map(PublishedColumn::meaning)
        .orElseThrow(() -> new IllegalStateException(table.table() + "." + column + " is not described"));
  }

  static String suppression(PublishedTable table, String column) {
    PublishedColumn c = table.column(column).orElse(null);
    if (c == null) {
      return "";
    }
    if (c.isCount()) {
      return "empty where " + column + Suppression.FLAG + " is true";
    }
    if (c.suppressedWith() == null) {
      return "";
    }
    return "empty where " + c.suppressedWith().stream().map(rule ->
        rule.counts().stream().map(n -> n + Suppression.FLAG).collect(Collectors.joining(" or "))
            + (rule.group() == null ? "" : " on any row of the same " + String.join(", ", rule.group()))
            + (rule.where() == null ? "" : " (rows where " + rule.where() + ")"))
        .collect(Collectors.joining("; or ")) + " is true";
  }

  /** Staging folders of a run that died, and a folder it was replacing. */
  private static void removeLeftovers(Path exports, String hidden) throws IOException {
    try (Stream<Path> entries = Files.list(exports)) {
      for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(hidden)).toList()) {
        deleteTree(p);
      }
    }
  }

  /** Old folder aside, new folder in, old folder gone: at no moment is a partial folder under the as-of name. */
  private static void replace(Path folder, Path staging, Path aside) throws IOException {
    if (Files.exists(folder)) {
      Files.move(folder, aside, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
    if (Files.exists(aside)) {
      deleteTree(aside);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
