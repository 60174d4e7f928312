package hv.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

  /**
   * RFC 4180 records. (Commons CSV's parser needs a newer commons-io than Spark brings onto the
   * classpath, so the tests read the files themselves.)
   */
  private static List<List<String>> records(Path path) throws IOException {
    String text = Files.readString(path, StandardCharsets.UTF_8);
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    return records;
  }

  /** Physical lines of a file, header included. */
  static List<String> lines(Path extract, String file) throws IOException {
    return Files.readAllLines(extract.resolve(file), StandardCharsets.UTF_8);
  }
}
