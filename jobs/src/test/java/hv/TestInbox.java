package hv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hv.contract.Contract;
import hv.contract.FileSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Hand-built extracts for ingest tests: rows as column → text maps, every file of the
 * contract written (header only when empty), and a correct manifest.
 */
public final class TestInbox {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;

  public TestInbox(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /**
   * Replaces a file of a written extract with these bytes and states them in manifest.json as a
   * sender would (checksum; rows when given): for files the contract's writer cannot produce.
   */
  public static void replaceFile(Path extractDir, String fileName, byte[] bytes, Long rows) {
    try {
      Files.write(extractDir.resolve(fileName), bytes);
      Path manifestFile = extractDir.resolve("manifest.json");
      ObjectNode manifest = (ObjectNode) JSON.readTree(manifestFile.toFile());
      ObjectNode entry = (ObjectNode) manifest.path("files").path(fileName);
      entry.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
      if (rows != null) {
        entry.put("rows", rows);
      }
      JSON.writeValue(manifestFile.toFile(), manifest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Extract extract(String date) {
    return new Extract(date);
  }

  /** Text row from alternating column, value pairs. */
  public static Map<String, String> row(String... pairs) {
    Map<String, String> r = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      r.put(pairs[i], pairs[i + 1]);
    }
    return r;
  }

  public final class Extract {
    private final String date;
    private final Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    Extract(String date) {
      this.date = date;
    }

    public Extract add(String table, Map<String, String> row) {
      rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
      return this;
    }

    /** Writes a file with this header instead of the contract's (extra, missing or reordered columns). */
    public Extract header(String table, List<String> header) {
      headers.put(table, header);
      return this;
    }

    public Path write() {
      try {
        Path dir = root.resolve(date);
        Files.createDirectories(dir);
        StringBuilder manifest = new StringBuilder("{\"extract_date\": \"" + date + "\", \"files\": {");
        boolean first = true;
        for (FileSchema f : Contract.get().files()) {
          List<String> header = headers.getOrDefault(f.table(), f.columnNames());
          List<Map<String, String>> fileRows = rows.getOrDefault(f.table(), List.of());
          StringWriter text = new StringWriter();
          try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build())) {
            csv.printRecord(header);
            for (Map<String, String> r : fileRows) {
              List<String> values = new ArrayList<>();
              for (String c : header) {
                values.add(r.getOrDefault(c, ""));
              }
              csv.printRecord(values);
            }
          }
          byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
          Files.write(dir.resolve(f.fileName()), bytes);
          manifest.append(first ? "" : ", ").append('"').append(f.fileName()).append("\": {\"rows\": ")
              .append(fileRows.size()).append(", \"sha256\": \"")
              .append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).append("\"}");
          first = false;
        }
        Files.writeString(dir.resolve("manifest.json"), manifest.append("}}").toString());
        return dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
