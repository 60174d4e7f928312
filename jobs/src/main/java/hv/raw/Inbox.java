package hv.raw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hv.contract.Contract;
import hv.contract.FileSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox folder: finds extract folders and makes the whole-extract checks that come
 * before any row is read (manifest, files, checksums, encoding, header rules, record counts),
 * in one read of each file ({@link FileScan}).
 */
public final class Inbox {

  private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final Contract contract;

  public Inbox(Path root, Contract contract) {
    this.root = root;
    this.contract = contract;
  }

  /** Extract folders (named by an extract date) not yet processed, in date order. */
  public List<Path> pending(Set<LocalDate> processed) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path d : folders()) {
      LocalDate date = dateOf(d);
      if (date != null && !processed.contains(date)) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * Folders whose name is not an extract date (an ISO date within the contract's date range):
   * never read as an extract, and reported by every run until renamed or moved out
   * (docs/ingest-decisions.md).
   */
  public List<String> notExtractFolders() throws IOException {
    return folders().stream().filter(d -> dateOf(d) == null).map(d -> d.getFileName().toString()).toList();
  }

  private List<Path> folders() throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("inbox folder not found: " + root);
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  private LocalDate dateOf(Path dir) {
    try {
      LocalDate date = LocalDate.parse(dir.getFileName().toString());
      return contract.dateRange().contains(date) ? date : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The checks that refuse a whole extract before anything is written. */
  public Extract check(Path dir) throws IOException {
    LocalDate date = dateOf(dir);
    String name = dir.getFileName().toString();
    Path manifestFile = dir.resolve("manifest.json");
    if (!Files.isRegularFile(manifestFile)) {
      throw new ExtractRefused(name, "manifest.json is missing");
    }
    JsonNode manifest;
    try {
      manifest = JSON.readTree(manifestFile.toFile());
    } catch (IOException e) {
      throw new ExtractRefused(name, "manifest.json is not valid JSON");
    }
    if (!name.equals(manifest.path("extract_date").asText())) {
      throw new ExtractRefused(name, "manifest.json extract_date does not match the folder name");
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Map<FileSchema, Long> records = new LinkedHashMap<>();
    for (FileSchema f : contract.files()) {
      Path file = dir.resolve(f.fileName());
      if (!Files.isRegularFile(file)) {
        throw new ExtractRefused(name, f.fileName() + " is missing");
      }
      JsonNode entry = manifest.path("files").path(f.fileName());
      if (!entry.path("rows").canConvertToLong() || !entry.hasNonNull("sha256")) {
        throw new ExtractRefused(name, "manifest.json has no rows and sha256 for " + f.fileName());
      }
      FileScan scan = FileScan.of(file, contract.encoding());
      if (!scan.sha256().equalsIgnoreCase(entry.get("sha256").asText())) {
        throw new ExtractRefused(name, f.fileName() + ": checksum differs from manifest.json (broken transfer)");
      }
      if (scan.encodingProblem() != null) {
        // refused rather than quarantined: no row can be kept verbatim, and a decoder that
        // replaced the bytes would change values silently (docs/ingest-decisions.md)
        throw new ExtractRefused(name, f.fileName() + " " + scan.encodingProblem()
            + " (the contract's encoding): re-export the file as " + contract.encoding().name());
      }
      rows.put(f.table(), entry.get("rows").asLong());
      headers.put(f.table(), checkHeader(name, f, headerNames(name, f, scan.header())));
      records.put(f, scan.records());
    }
    // counts last, as when they came from the parsed rows: a file with a bad header is named for that
    records.forEach((f, found) -> {
      long expected = rows.get(f.table());
      if (found != expected) {
        throw new ExtractRefused(name, f.fileName() + " holds " + found + " records but manifest.json says "
            + expected + " (broken transfer)");
      }
    });
    return new Extract(date, dir, rows, headers);
  }

  private List<String> checkHeader(String extract, FileSchema f, List<String> header) {
    if (header.isEmpty()) {
      throw new ExtractRefused(extract, f.fileName() + " has no header line");
    }
    // Spark would fail on a name twice, and a value under a nameless column could not be told apart
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i);
      if (column.isEmpty()) {
        throw new ExtractRefused(extract, f.fileName() + " header column " + (i + 1) + " has no name");
      }
      if (!seen.add(column)) {
        throw new ExtractRefused(extract, f.fileName() + " header names column '" + column + "' twice");
      }
    }
    Set<String> identifiers = contract.identifierColumns(f.table());
    for (String column : header) {
      if (identifiers.contains(column)) {
        throw new ExtractRefused(extract, f.fileName() + " has column '" + column
            + "', which identifies a person directly");
      }
    }
    for (String required : f.requiredColumns()) {
      if (!header.contains(required)) {
        throw new ExtractRefused(extract, f.fileName() + " lacks required column '" + required + "'");
      }
    }
    for (String column : header) {
      if (f.column(column).isEmpty()) {
        LOG.warn("extract {}: {} has unknown column '{}', ignored", extract, f.fileName(), column);
      }
    }
    return header;
  }

  /** The header record's names trimmed and lower-cased (names match case-insensitively). */
  private static List<String> headerNames(String extract, FileSchema f, List<String> header) {
    if (header == null) {
      throw new ExtractRefused(extract, f.fileName() + " header line is not a CSV record: a quoted name is not "
          + "closed, or text follows its closing quote");
    }
    return header.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
  }
}
