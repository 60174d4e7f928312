package hv.raw;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.nullif;

import com.univocity.parsers.csv.CsvParserSettings;
import hv.contract.FileSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.csv.CSVOptions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Predef;
import scala.collection.JavaConverters;

/**
 * Reads extract files as text rows: the contract's columns by name (whatever their order in
 * the file), empty fields as null, plus where each row came from. Nothing is typed here.
 */
public final class RawReader {

  public static final String EXTRACT_DATE = "_extract_date";
  public static final String FILE = "_file";
  /** The record's line: header = 1, first record = 2 (records, as the manifest counts them). */
  public static final String LINE = "_line";
  /** Set when the record did not split into the header's columns. */
  public static final String MALFORMED = "_malformed";

  /** How Spark reads an extract file; {@link #tokenizerSettings()} splits records the same way. */
  private static final Map<String, String> CSV_OPTIONS = Map.of(
      "header", "true",
      "multiLine", "true",
      "encoding", "UTF-8",
      "quote", "\"",
      "escape", "\"",
      "mode", "PERMISSIVE",
      "columnNameOfCorruptRecord", MALFORMED,
      "ignoreLeadingWhiteSpace", "false",
      "ignoreTrailingWhiteSpace", "false");

  /** Lower 33 bits of monotonically_increasing_id: the row's index in its partition. */
  private static final long ROW_INDEX_MASK = (1L << 33) - 1;

  private final SparkSession spark;

  public RawReader(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * One file of one extract. A quoted field may span lines, so the file is read as one
   * partition and its lines are numbered there; a file larger than Spark's file partition size
   * ({@code spark.sql.files.maxPartitionBytes}) is then spread over partitions of about that
   * size, so that every later step reads it in parallel (a national-size visits file is over a
   * gigabyte: one partition was one core, and a cached partition too large for memory).
   */
  public Dataset<Row> read(Extract extract, FileSchema file) {
    Dataset<Row> rows = parse(extract, file);
    long partitions = (size(extract.file(file.table())) - 1) / spark.sessionState().conf().filesMaxPartitionBytes() + 1;
    // by line: deterministic (a retried task gets the same rows) without sorting the whole file first
    return partitions > 1 ? rows.repartition((int) partitions, col(LINE)) : rows;
  }

  private Dataset<Row> parse(Extract extract, FileSchema file) {
    List<String> header = extract.headers().get(file.table());
    List<StructField> fields = new ArrayList<>();
    for (String name : header) {
      fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField(MALFORMED, DataTypes.StringType, true));
    Dataset<Row> parsed = spark.read()
        .options(CSV_OPTIONS)
        .schema(new StructType(fields.toArray(new StructField[0])))
        .csv(extract.file(file.table()).toString());
    List<Column> out = new ArrayList<>();
    for (String name : file.columnNames()) {
      out.add(header.contains(name)
          ? nullif(col(name), lit("")).as(name)
          : lit(null).cast(DataTypes.StringType).as(name));
    }
    out.add(lit(java.sql.Date.valueOf(extract.date())).as(EXTRACT_DATE));
    out.add(lit(file.table()).as(FILE));
    out.add(monotonically_increasing_id().bitwiseAND(ROW_INDEX_MASK).plus(2).as(LINE));
    out.add(col(MALFORMED));
    return parsed.select(out.toArray(new Column[0]));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The settings of the tokenizer Spark's CSV reader splits a file's records with (univocity),
   * derived by Spark from the options above: a count of records made with them is the count of
   * rows {@link #read} returns (blank lines skipped, the line end detected from the first line,
   * a quote left open running to the end of the file), whatever the file holds.
   */
  public static CsvParserSettings tokenizerSettings() {
    scala.collection.immutable.Map<String, String> options =
        JavaConverters.mapAsScalaMapConverter(CSV_OPTIONS).asScala().toMap(Predef.$conforms());
    return new CSVOptions(options, false, "UTC").asParserSettings();
  }

  /** The raw columns every raw table has, in order. */
  public static List<String> columns(FileSchema file) {
    List<String> names = new ArrayList<>(file.columnNames());
    names.addAll(List.of(EXTRACT_DATE, FILE, LINE, MALFORMED));
    return names;
  }
}
