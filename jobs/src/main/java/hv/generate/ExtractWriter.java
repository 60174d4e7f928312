package hv.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the inbox: one folder per extract, every file in each. A record's versions go to the
 * extracts by when they were entered: the full extract holds the latest version entered up to
 * its date (records deleted by then are left out), each nightly extract the latest version
 * entered that day. Now and then a nightly extract re-sends a row unchanged, as real feeds do.
 */
final class ExtractWriter {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final double RESEND_NIGHTLY = 0.02;
  private static final double RESEND_FROM_FULL = 0.0005;

  private final GenerateOptions options;
  private final List<LocalDate> dates = new ArrayList<>();
  private final CsvFile[][] files;
  private final Refusals refusals;
  private final FaultInjector faults;
  private final Dice dice;

  ExtractWriter(GenerateOptions options, Dice dice) {
    this.options = options;
    this.dice = dice;
    for (int k = 0; k <= options.nightly(); k++) {
      dates.add(options.fullExtractDate().plusDays(k));
    }
    this.refusals = new Refusals(options.refusal());
    this.files = new CsvFile[dates.size()][Table.ALL.size()];
    for (int k = 0; k < dates.size(); k++) {
      Path folder = options.out().resolve(dates.get(k).toString());
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + folder, e);
      }
      for (Table t : Table.ALL) {
        List<String> header = isLast(k) ? refusals.header(t) : t.schema.columnNames();
        files[k][t.ordinal] = new CsvFile(folder.resolve(t.fileName()), header);
      }
    }
    this.faults = new FaultInjector(options.faults(), dice.split(), dates, this::writeRow);
  }

  List<LocalDate> dates() {
    return dates;
  }

  private boolean isLast(int k) {
    return k == dates.size() - 1;
  }

  /** Extract number for a version entered on {@code day}: 0 = full, k = k-th night, -1 = after the last extract. */
  private int extractFor(LocalDate day) {
    long k = Math.max(0, day.toEpochDay() - dates.get(0).toEpochDay());
    return k < dates.size() ? (int) k : -1;
  }

  void route(SourceRecord record) {
    SourceRecord.Version[] carried = new SourceRecord.Version[dates.size()];
    for (SourceRecord.Version v : record.versions()) {
      int k = extractFor(v.enteredOn());
      if (k < 0) {
        break;
      }
      carried[k] = v;
    }
    boolean sent = false;
    for (int k = 0; k < carried.length; k++) {
      SourceRecord.Version v = carried[k];
      if (v == null || v.deleted() && !sent) {
        continue; // a record deleted before anyone received it is simply not sent
      }
      write(k, record.table, v.row().values);
      sent = true;
      boolean resend = k + 1 < carried.length && carried[k + 1] == null
          && dice.chance(k == 0 ? RESEND_FROM_FULL : RESEND_NIGHTLY);
      if (resend) {
        carried[k + 1] = v;
      }
    }
  }

  private void write(int k, Table table, String[] values) {
    writeRow(k, table, values);
    faults.afterRow(k, table, values);
  }

  private void writeRow(int k, Table t, String[] values) {
    files[k][t.ordinal].write(isLast(k) && refusals.changesLayout(t) ? refusals.row(t, values) : values);
  }

  /** Closes every file and writes each extract's manifest; returns rows per file per extract. */
  Map<LocalDate, Map<String, Integer>> finish() {
    faults.finish();
    Map<LocalDate, Map<String, Integer>> rows = new TreeMap<>();
    for (int k = 0; k < dates.size(); k++) {
      Map<String, Object> manifestFiles = new LinkedHashMap<>();
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (Table t : Table.ALL) {
        CsvFile file = files[k][t.ordinal];
        file.close();
        counts.put(t.fileName(), file.rows());
        if (isLast(k) && refusals.leavesOut(t)) {
          delete(file.path);
          continue;
        }
        int stated = isLast(k) ? refusals.manifestRows(t, file.rows()) : file.rows();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("rows", stated);
        entry.put("sha256", file.sha256());
        manifestFiles.put(t.fileName(), entry);
      }
      writeManifest(dates.get(k), manifestFiles);
      rows.put(dates.get(k), counts);
    }
    return rows;
  }

  Map<FaultKind, Integer> faultCounts() {
    return faults.counts();
  }

  private void writeManifest(LocalDate date, Map<String, Object> manifestFiles) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("extract_date", date.toString());
    manifest.put("files", manifestFiles);
    Path path = options.out().resolve(date.toString()).resolve("manifest.json");
    try {
      Files.write(path, (JSON.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
