package hv.raw;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * One extract folder that passed the checks made before reading rows.
 *
 * @param manifestRows per table: the records the manifest states, which the file holds (checked)
 * @param headers      per table: the file's column names in file order, lower-cased
 */
public record Extract(LocalDate date, Path dir, Map<String, Long> manifestRows,
                      Map<String, java.util.List<String>> headers) {

  public Path file(String table) {
    return dir.resolve(table + ".csv");
  }
}
