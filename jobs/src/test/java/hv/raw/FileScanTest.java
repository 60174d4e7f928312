package hv.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestSpark;
import hv.contract.Contract;
import hv.contract.FileSchema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one read of a file: checksum, header and the records after it as the contract counts them
 * (header excluded, a quoted field may span lines), on the edge cases of the format; and the
 * count against the rows Spark reads from random files.
 */
class FileScanTest {

  static FileScan scan(Path dir, String text) throws Exception {
    Path file = dir.resolve("f.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return FileScan.of(file, StandardCharsets.UTF_8);
  }

  /** Expected counts from the contract: records after the header; a blank line is no record (ingest decision 21). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "header only                     | id,x\\n                           | 0",
      "header only, no line end        | id,x                              | 0",
      "no line end after the last      | id,x\\n1,a\\n2,b                  | 2",
      "trailing blank lines            | id,x\\n1,a\\n2,b\\n\\n\\n          | 2",
      "blank lines in the middle       | id,x\\n1,a\\n\\n\\n2,b\\n          | 2",
      "CRLF                            | id,x\\r\\n1,a\\r\\n2,b\\r\\n       | 2",
      "CRLF, blank line                | id,x\\r\\n1,a\\r\\n\\r\\n2,b\\r\\n | 2",
      "quoted line break               | id,x\\n1,\"a\\nb\\nc\"\\n2,b\\n    | 2",
      "quoted CRLF and CR              | id,x\\r\\n1,\"a\\r\\nb\\rc\"\\r\\n2,b\\r\\n | 2",
      "quoted quotes and commas        | id,x\\n1,\"a \"\"q\"\", b\"\\n2,\"\"\"\"\\n | 2",
      "quoted empty field              | id,x\\n1,\"\"\\n                  | 1",
      "a line of spaces is a record    | id,x\\n1,a\\n  \\n                | 2",
      "a line of one comma is a record | id,x\\n1,a\\n,\\n                  | 2",
      "a quote left open runs to the end | id,x\\n1,a\\n2,\"b\\n3,c\\n4,d\\n | 2",
      "a quote open in the last line   | id,x\\n1,a\\n\"                   | 2",
      "byte-order mark                 | \\uFEFFid,x\\n1,a\\n              | 1",
      "byte-order mark, quoted header  | \\uFEFF\"id\",\"x\\ny\"\\n1,a\\n   | 1"})
  void recordsAreCountedAsTheContractCountsThem(String what, String escaped, long expected, @TempDir Path tmp)
      throws Exception {
    String text = escaped.replace("\\n", "\n").replace("\\r", "\r").replace("\\uFEFF", "\uFEFF");
    FileScan scan = scan(tmp, text);
    assertNull(scan.encodingProblem());
    assertEquals(expected, scan.records(), what);
    assertEquals("id", scan.header().get(0), what + ": the header, byte-order mark dropped");
  }

  @Test
  void aHeaderThatIsNoCsvRecordIsNullAndAnEmptyFileHasNone(@TempDir Path tmp) throws Exception {
    assertNull(scan(tmp, "id,\"x\n1,a\n").header(), "a quote left open");
    assertNull(scan(tmp, "id,\"x\"y\n1,a\n").header(), "text after a closing quote");
    assertEquals(List.of(), scan(tmp, "").header());
    assertEquals(List.of("id", "x\ny", "z\"q"), scan(tmp, "id,\"x\ny\",\"z\"\"q\"\n").header());
  }

  /** Files of several chunks: a record across a chunk's end, the checksum of every byte, also after a bad one. */
  @Test
  void theCountAndChecksumSpanChunks(@TempDir Path tmp) throws Exception {
    StringBuilder text = new StringBuilder("id,note\n");
    int records = 20_000;
    for (int i = 0; i < records; i++) {
      text.append(i).append(i % 7 == 0 ? ",\"two\nlines, \"\"quoted\"\"\"\r\n" : ",plain é\n");
    }
    Path file = tmp.resolve("big.csv");
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    Files.write(file, bytes);
    assertTrue(bytes.length > 4 * (1 << 16));
    FileScan scan = FileScan.of(file, StandardCharsets.UTF_8);
    assertEquals(records, scan.records());
    assertEquals(sha256(bytes), scan.sha256());

    ByteArrayOutputStream broken = new ByteArrayOutputStream();
    broken.write(bytes, 0, 1000);
    broken.write(0xff);
    broken.write(bytes, 1000, bytes.length - 1000);
    Files.write(file, broken.toByteArray());
    FileScan refused = FileScan.of(file, StandardCharsets.UTF_8);
    assertTrue(refused.encodingProblem().contains("bytes that are not UTF-8"), refused.encodingProblem());
    assertEquals(sha256(broken.toByteArray()), refused.sha256(), "every byte hashed after the problem");
  }

  /**
   * Random files of every shape above (and stray quotes, short rows, mixed line ends): the records
   * counted are the rows Spark reads from the file with the ingest's reader, file by file.
   */
  @Test
  void theCountIsTheRowsSparkReads(@TempDir Path tmp) throws Exception {
    FileSchema schema = Contract.get().file("health_events");
    Random random = new Random(27);
    RawReader reader = new RawReader(TestSpark.session());
    Map<LocalDate, Long> counted = new HashMap<>();
    Dataset<Row> read = null;
    for (int i = 0; i < 60; i++) {
      LocalDate date = LocalDate.parse("2026-01-01").plusDays(i);
      Path dir = Files.createDirectories(tmp.resolve(date.toString()));
      Path file = dir.resolve(schema.fileName());
      Files.writeString(file, randomFile(schema.columnNames(), random), StandardCharsets.UTF_8);
      FileScan scan = FileScan.of(file, StandardCharsets.UTF_8);
      assertEquals(schema.columnNames(), scan.header());
      counted.put(date, scan.records());
      Extract extract = new Extract(date, dir, Map.of(), Map.of(schema.table(), scan.header()));
      Dataset<Row> counts = reader.read(extract, schema).groupBy(RawReader.EXTRACT_DATE).count();
      read = read == null ? counts : read.unionByName(counts);
    }
    Map<LocalDate, Long> sparkRows = new HashMap<>();
    read.collectAsList().forEach(r -> sparkRows.put(r.getDate(0).toLocalDate(), r.getLong(1)));
    counted.forEach((date, records) -> assertEquals(records, sparkRows.getOrDefault(date, 0L), "file of " + date));
  }

  static String randomFile(List<String> header, Random random) {
    List<String> values = List.of("", "E-1", "2026-01-05", "\"a,b\"", "\"two\nlines\"", "\"q\"\"q\"", "\"cr\r\nlf\"",
        "\"\"", "  ", "x\"y");
    String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
    StringBuilder text = new StringBuilder(random.nextInt(5) == 0 ? "\uFEFF" : "").append(String.join(",", header));
    for (int r = random.nextInt(12); r > 0; r--) {
      text.append(random.nextInt(10) == 0 ? (random.nextBoolean() ? "\n" : "\r\n") : lineEnd);
      switch (random.nextInt(12)) {
        case 0 -> { }   // a blank line
        case 1 -> text.append("   ");
        default -> {
          List<String> fields = new ArrayList<>();
          for (int c = random.nextInt(6) == 0 ? random.nextInt(header.size()) : header.size(); c > 0; c--) {
            fields.add(values.get(random.nextInt(values.size())));
          }
          text.append(String.join(",", fields));
        }
      }
    }
    if (random.nextBoolean()) {
      text.append(lineEnd);
    }
    int headerEnd = text.indexOf("\n") + 1;
    if (headerEnd > 0 && random.nextInt(6) == 0) {
      text.insert(headerEnd + random.nextInt(text.length() - headerEnd + 1), '"');
    }
    return text.toString();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
