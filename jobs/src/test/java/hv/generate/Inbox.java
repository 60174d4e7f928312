package hv.generate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a generated inbox back for the tests. */
final class Inbox {

  private Inbox() {}

  static List<Path> extracts(Path inbox) throws IOException {
    try (Stream<Path> s = Files.list(inbox)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  /** Records of one file as column → value maps (empty string for empty fields). */
  static List<Map<String, String>> rows(Path extract, String file) throws IOException {
    List<List<String>> records = records(extract.resolve(file));
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> r : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), r.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  static List<String> header(Path extract, String file) throws IOException {
    return records(extract.resolve(file)).get(0);
  }

  /** RFC 4180 records, read with Commons CSV (the same library that wrote them). */
  private static List<List<String>> records(Path path) throws IOException {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
         CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
      List<List<String>> records = new ArrayList<>();
      for (CSVRecord r : parser) {
        records.add(r.toList());
      }
      return records;
    }
  }

  /** Physical lines of a file, header included. */
  static List<String> lines(Path extract, String file) throws IOException {
    return Files.readAllLines(extract.resolve(file), StandardCharsets.UTF_8);
  }
}
