package hv.publish;

import hv.core.CoreTables;
import hv.marts.ratecard.RateCardPrices;
import hv.nightly.NightStage;
import hv.ops.Progress;
import hv.publish.PublishedTable.PublishedColumn;
import hv.spark.Parallel;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * The files a night writes for outside the warehouse, in two trees whose names say what they may
 * be used for (warehouse.md "Files for dashboards"; docs/publication-decisions.md):
 * {@code <warehouse>/exports/<as-of>/}, the public tree dashboards read: every published mart
 * ({@link PublishedTable}) suppressed by {@link Suppression} as one CSV and one Parquet file, the
 * data dictionary of both trees, and the report; and {@code <warehouse>/restricted/<as-of>/}:
 * the providers' rate card reports ({@link RateCardReports}), exact counts by design, never
 * published. Each tree's folder is built beside the old one under a hidden name and renamed into
 * place, so a crash never leaves a half-written folder visible; a re-run of the same night writes
 * the same rows (the same bytes, except a set in the Parquet footers whose order varies between
 * processes: docs/publication-decisions.md, 15).
 */
public final class Exports implements NightStage {

  public static final String DICTIONARY = "data-dictionary.csv";
  public static final String DICTIONARY_TEXT = "data-dictionary.md";
  /** The two trees, as the data dictionary's {@code tree} column names them. */
  public static final String PUBLIC = "public";
  public static final String RESTRICTED = "restricted";
  /** Their folders in the warehouse folder: the public one is the spec's {@code exports/}. */
  public static final String PUBLIC_FOLDER = "exports";
  public static final String RESTRICTED_FOLDER = "restricted";

  private final Warehouse warehouse;
  private final Progress progress;

  public Exports(Warehouse warehouse, Progress progress) {
    this.warehouse = warehouse;
    this.progress = progress;
  }

  /** {@code <warehouse>/exports/<as-of>/}: the public tree, the folder dashboards read. */
  public static Path folder(Warehouse warehouse, LocalDate asOf) {
    return warehouse.root().resolve(PUBLIC_FOLDER).resolve(asOf.toString());
  }

  /** {@code <warehouse>/restricted/<as-of>/}: files with exact small counts, outside the public tree. */
  public static Path restrictedFolder(Warehouse warehouse, LocalDate asOf) {
    return warehouse.root().resolve(RESTRICTED_FOLDER).resolve(asOf.toString());
  }

  /** The published marts as the warehouse holds them now, suppressed: what the files hold. */
  public static Suppression.Published suppressed(Warehouse warehouse, LocalDate asOf, Dataset<Row> programs) {
    Map<String, Dataset<Row>> marts = new LinkedHashMap<>();
    PublishedTable.all().keySet().forEach(t -> marts.put(t, warehouse.read("marts", t)));
    return Suppression.configured(programs, asOf).apply(marts);
  }

  /** The night's exports, from the marts as published tonight. */
  @Override
  public void run(LocalDate asOf, Parallel parallel, Map<String, Double> seconds) {
    progress.lap();
    publish(asOf, CoreTables.programs(warehouse), RateCardPrices.configured(), parallel);
    seconds.put("exports", progress.lap());
    progress.say("exports: written (%.1fs)", seconds.get("exports"));
  }

  /** Replaces the public and the restricted folder of {@code asOf} with the files of the marts as they are tonight. */
  public void publish(LocalDate asOf, Dataset<Row> programs, RateCardPrices prices, Parallel parallel) {
    Path folder = folder(warehouse, asOf);
    Path restricted = restrictedFolder(warehouse, asOf);
    try {
      Path staging = staging(folder);
      Path restrictedStaging = staging(restricted);

      Suppression.Published published = suppressed(warehouse, asOf, programs);
      progress.say("exports: %d cells, %d suppressed as small, %d as complements; totals used: %s", published.cells(),
          published.primary(), published.complementary(), published.margins().stream()
              .map(m -> m.table() + " " + m.kind() + " " + m.holding() + (m.notHolding() > 0
                  ? " (" + m.notHolding() + " do not add up)" : ""))
              .collect(Collectors.joining(", ")));
      Map<String, List<StructField>> written = new LinkedHashMap<>();
      published.tables().forEach((table, rows) -> written.put(table, List.of(rows.schema().fields())));
      // every file a job of its own (and the reports their own queries): side by side
      List<Runnable> writes = new ArrayList<>();
      Map<String, List<StructField>> reports = new LinkedHashMap<>();
      writes.add(() -> reports.putAll(RateCardReports.write(restrictedStaging, warehouse.read("marts",
          "ratecard_results"), warehouse.read("marts", "ratecard_payments"), programs, prices)));
      // each table in key order in one partition (Suppression's output): one part per file
      published.tables().forEach((table, rows) -> {
        writes.add(() -> writeOne(rows, "csv", staging, table));
        writes.add(() -> writeOne(rows, "parquet", staging, table));
      });
      parallel.forEach(writes, Runnable::run);
      writeDictionary(staging, written, reports, published);
      Report.write(staging.resolve(Report.FILE), ReportFigures.of(asOf, published, programs));
      // the public tree last: once dashboards see tonight's files, tonight's reports are in place
      // (a crash between the renames leaves each tree whole, one night apart; a re-run rewrites both)
      replace(restricted, restrictedStaging);
      replace(folder, staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the exports of " + asOf, e);
    }
  }

  /** One file {@code <table>.<format>}: Spark writes a folder with one part; the part is moved out of it. */
  private static void writeOne(Dataset<Row> rows, String format, Path staging, String table) {
    Path parts = staging.resolve(".parts-" + table + "-" + format);
    rows.write().format(format).option("header", "true").save(parts.toUri().toString());
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
   * {@code data-dictionary.csv} (one row per file and column: its tree, type as written, meaning,
   * suppression) and {@code data-dictionary.md} (the same for people, with the rule and which tree
   * is which): the published tables from {@code schemas/marts/}, the restricted reports from
   * {@link RateCardReports}.
   */
  private static void writeDictionary(Path staging, Map<String, List<StructField>> written,
                                      Map<String, List<StructField>> reports, Suppression.Published published)
      throws IOException {
    List<List<String>> rows = new ArrayList<>();
    StringBuilder text = new StringBuilder("# Data dictionary\n\n")
        .append("## Two trees\n\n")
        .append("- **").append(PUBLIC).append("**: `").append(PUBLIC_FOLDER).append("/<as-of>/` in the warehouse ")
        .append("folder (this folder). Every file here may be published and is what dashboards read: the tables ")
        .append("below, small cells suppressed, this dictionary and `").append(Report.FILE).append("`.\n")
        .append("- **").append(RESTRICTED).append("**: `").append(RESTRICTED_FOLDER).append("/<as-of>/` in the ")
        .append("warehouse folder, beside `").append(PUBLIC_FOLDER).append("/`. The providers' rate card and ")
        .append("billing reports, with exact counts by design (billing needs them): not for dashboards, never to ")
        .append("be copied into the public tree. Their columns are described at the end.\n\n")
        .append("`").append(DICTIONARY).append("` names the tree of every file in its `tree` column.\n\n")
        .append("## Public files\n\n")
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
      text.append("\n### ").append(table).append(".csv, ").append(table).append(".parquet\n\n")
          .append(description.description()).append(" One row per ")
          .append(String.join(", ", description.key())).append(".\n\n| column | type | meaning | suppression |\n|---|---|---|---|\n");
      for (StructField field : fields) {
        String type = field.dataType().simpleString();
        String meaning = meaning(description, field.name());
        String suppression = suppression(description, field.name());
        for (String format : List.of("csv", "parquet")) {
          rows.add(List.of(PUBLIC, table + "." + format, field.name(), type, meaning, suppression));
        }
        text.append("| `").append(field.name()).append("` | ").append(type).append(" | ").append(meaning)
            .append(" | ").append(suppression).append(" |\n");
      }
    });
    text.append("\n## Restricted files (`").append(RESTRICTED_FOLDER).append("/<as-of>/`)\n\n")
        .append("CSV, one file per reporting period, program or contract, and report. Exact counts: no suppression.\n");
    reports.forEach((file, fields) -> {
      text.append("\n### ").append(file).append("\n\n| column | type | meaning |\n|---|---|---|\n");
      for (StructField field : fields) {
        String type = field.dataType().simpleString();
        String meaning = RateCardReports.meaning(field.name());
        rows.add(List.of(RESTRICTED, file, field.name(), type, meaning, "none: exact (restricted)"));
        text.append("| `").append(field.name()).append("` | ").append(type).append(" | ").append(meaning).append(" |\n");
      }
    });
    try (Writer out = Files.newBufferedWriter(staging.resolve(DICTIONARY));
         CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
             .setHeader("tree", "file", "column", "type", "meaning", "suppression").setRecordSeparator("\n").build())) {
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

  /**
   * An empty hidden folder beside {@code folder} to build its files in, once the hidden folders a
   * run that died left beside it are gone.
   */
  private static Path staging(Path folder) throws IOException {
    Path parent = folder.getParent();
    String hidden = "." + folder.getFileName() + ".";
    Files.createDirectories(parent);
    try (Stream<Path> entries = Files.list(parent)) {
      for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(hidden)).toList()) {
        deleteTree(p);
      }
    }
    return Files.createDirectories(parent.resolve(hidden + "staging-" + UUID.randomUUID()));
  }

  /** Old folder aside, new folder in, old folder gone: at no moment is a partial folder under the as-of name. */
  private static void replace(Path folder, Path staging) throws IOException {
    Path aside = folder.resolveSibling("." + folder.getFileName() + ".replaced-" + UUID.randomUUID());
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
