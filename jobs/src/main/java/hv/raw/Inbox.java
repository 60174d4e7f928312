package hv.raw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hv.contract.Contract;
import hv.contract.FileSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox folder: finds extract folders and makes the whole-extract checks that come
 * before any row is read (manifest, files, checksums, identifier and required columns).
 * Record counts are checked against the manifest once Spark has parsed the rows.
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

  /** Extract folders (named by an ISO date) not yet processed, in date order. */
  public List<Path> pending(Set<LocalDate> processed) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("inbox folder not found: " + root);
    }
    List<Path> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
        LocalDate date = dateOf(d);
        if (date != null && !processed.contains(date)) {
          out.add(d);
        }
      }
    }
    return out;
  }

  static LocalDate dateOf(Path dir) {
    try {
      return LocalDate.parse(dir.getFileName().toString());
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
    for (FileSchema f : contract.files()) {
      Path file = dir.resolve(f.fileName());
      if (!Files.isRegularFile(file)) {
        throw new ExtractRefused(name, f.fileName() + " is missing");
      }
      JsonNode entry = manifest.path("files").path(f.fileName());
      if (!entry.path("rows").canConvertToLong() || !entry.hasNonNull("sha256")) {
        throw new ExtractRefused(name, "manifest.json has no rows and sha256 for " + f.fileName());
      }
      if (!sha256(file).equalsIgnoreCase(entry.get("sha256").asText())) {
        throw new ExtractRefused(name, f.fileName() + ": checksum differs from manifest.json (broken transfer)");
      }
      rows.put(f.table(), entry.get("rows").asLong());
      headers.put(f.table(), checkHeader(name, f, readHeader(file)));
    }
    return new Extract(date, dir, rows, headers);
  }

  private List<String> checkHeader(String extract, FileSchema f, List<String> header) {
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

  /** The header record, BOM stripped, names lower-cased (names match case-insensitively). */
  static List<String> readHeader(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      for (String n : it.next()) {
        names.add(n.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
      }
      return names;
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      byte[] buf = new byte[1 << 16];
      while (in.read(buf) >= 0) {
        // reading feeds the digest
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
