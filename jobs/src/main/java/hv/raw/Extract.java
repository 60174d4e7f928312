package hv.raw;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * One extract folder that passed the checks made before reading rows.
 *
 * @param manifestRows records per file name, as the manifest states them
 * @param headers      per table: the file's column names in file order, lower-cased
 */
public record Extract(LocalDate date, Path dir, Map<String, Long> manifestRows,
                      Map<String, java.util.List<String>> headers) {

  public Path file(String table) {
    return dir.resolve(table + ".csv");
  }
}
