package hv.nightly;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hv.TestInbox;
import hv.TestSpark;
import hv.contract.ColumnSpec;
import hv.contract.Contract;
import hv.contract.FileSchema;
import hv.core.Conformer;
import hv.generate.GenerateOptions;
import hv.generate.Generator;
import hv.ops.Progress;
import hv.raw.Extract;
import hv.raw.ExtractRefused;
import hv.raw.Inbox;
import hv.raw.RawReader;
import hv.spark.Lineage;
import hv.spark.Parallel;
import hv.spark.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of a valid generated extract, seeded and reproducible: every mutant is either
 * refused as a whole (a message naming the extract and a file, nothing else) or has every file
 * reconcile (read = accepted + quarantined + duplicates = the manifest's rows); never another
 * exception, never a replacement character in raw, never a row value in a log or a message.
 * All mutants go through the whole-extract checks and the row rules in one pass (as a catch-up
 * of many nights does); a few also through the real ingest of a warehouse.
 */
class ExtractFuzzTest {

  static final long SEED = Long.getLong("hv.fuzz.seed", 25L);
  static final int MUTANTS = Integer.getInteger("hv.fuzz.mutants", 200);
  static final LocalDate BASE_DATE = LocalDate.parse("2026-03-31");
  static final Pattern COUNT_REFUSAL = Pattern.compile("refused: (\\S+\\.csv) holds (\\d+) records but manifest.json says");
  static final Contract CONTRACT = Contract.get();
  static final Set<String> REASON_CODES = Set.of("MALFORMED_RECORD", "TOO_LONG", "IDENTIFIER_VALUE",
      "MISSING_REQUIRED", "BAD_ID", "BAD_FLAG", "BAD_DATE", "BAD_TIMESTAMP", "BAD_NUMBER", "OUT_OF_RANGE",
      "UNKNOWN_CODE", "DATE_ORDER", "FUTURE_DATE", "DUPLICATE_KEY_CONFLICT", "ORPHAN");

  /** What a careless export, transfer or operator does to a file. */
  enum Mutation {
    BYTE_FLIP {
      byte[] apply(byte[] file, Random random) {
        byte[] out = file.clone();
        for (int k = 1 + random.nextInt(4); k > 0 && out.length > 0; k--) {
          out[random.nextInt(out.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return out;
      }
    },
    TRUNCATION {
      byte[] apply(byte[] file, Random random) {
        return Arrays.copyOf(file, file.length == 0 ? 0 : random.nextInt(file.length));
      }
    },
    DUPLICATED_LINES {
      byte[] apply(byte[] file, Random random) {
        List<String> lines = lines(file);
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          int at = random.nextInt(lines.size());
          lines.add(at, lines.get(at));
        }
        return join(lines);
      }
    },
    HEADER_SHUFFLE {
      byte[] apply(byte[] file, Random random) {
        List<String> lines = lines(file);
        List<String> names = new ArrayList<>(Arrays.asList(lines.get(0).split(",", -1)));
        Collections.shuffle(names, random);
        if (random.nextBoolean()) {
          int at = random.nextInt(names.size());
          names.set(at, names.get(at).toUpperCase());
        }
        lines.set(0, String.join(",", names));
        return join(lines);
      }
    },
    GIANT_FIELD {
      byte[] apply(byte[] file, Random random) {
        List<String> lines = lines(file);
        int at = lines.size() > 1 ? 1 + random.nextInt(lines.size() - 1) : 0;
        List<String> fields = new ArrayList<>(Arrays.asList(lines.get(at).split(",", -1)));
        String unit = List.of("a@", "x", "9", "1-").get(random.nextInt(4));
        fields.set(random.nextInt(fields.size()), unit.repeat((1 << 20) / unit.length()));
        lines.set(at, String.join(",", fields));
        return join(lines);
      }
    },
    MIXED_ENCODING {
      byte[] apply(byte[] file, Random random) {
        // a Latin-1 or Windows-1252 export spliced into a UTF-8 one
        String text = new String(file, StandardCharsets.UTF_8);
        int at = random.nextInt(text.length() + 1);
        byte[] foreign = List.of("Caf\u00e9", "Pe\u00f1a", "\u00c5").get(random.nextInt(3)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at).getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(head, head.length + foreign.length + tail.length);
        System.arraycopy(foreign, 0, out, head.length, foreign.length);
        System.arraycopy(tail, 0, out, head.length + foreign.length, tail.length);
        return out;
      }
    },
    STRAY_QUOTE {
      byte[] apply(byte[] file, Random random) {
        String text = new String(file, StandardCharsets.UTF_8);
        int at = random.nextInt(text.length() + 1);
        return (text.substring(0, at) + '"' + text.substring(at)).getBytes(StandardCharsets.UTF_8);
      }
    };

    abstract byte[] apply(byte[] file, Random random);

    static List<String> lines(byte[] file) {
      return new ArrayList<>(Arrays.asList(new String(file, StandardCharsets.UTF_8).split("\n", -1)));
    }

    static byte[] join(List<String> lines) {
      return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * One mutated extract: its folder, what was done to it (never values), and the tables whose
   * files changed (the others are the base's bytes).
   */
  record Mutant(LocalDate date, Path dir, List<String> mutations, Set<String> changed, boolean manifestRestated) {
    @Override
    public String toString() {
      return "mutant " + date + " (seed " + SEED + "): " + mutations + (manifestRestated ? "" : ", manifest as sent before");
    }
  }

  @Test
  void everyMutatedExtractIsRefusedWholeOrReconcilesFileByFile(@TempDir Path tmp) throws Exception {
    Path generated = tmp.resolve("generated");
    Generator.generate(new GenerateOptions(generated, 12, SEED, BASE_DATE.minusMonths(6), BASE_DATE, 0, 0.02,
        GenerateOptions.Refusal.NONE), line -> { });
    Path base = generated.resolve(BASE_DATE.toString());
    Set<String> personValues = personLevelValues(base);

    Path mutantsRoot = tmp.resolve("mutants");
    Random random = new Random(SEED);
    List<Mutant> mutants = new ArrayList<>();
    Map<Mutation, Integer> applied = new EnumMap<>(Mutation.class);
    for (int i = 1; i <= MUTANTS; i++) {
      Mutant m = mutate(base, mutantsRoot, BASE_DATE.plusDays(i), random);
      m.mutations().forEach(d -> applied.merge(Mutation.valueOf(d.substring(0, d.indexOf(' '))), 1, Integer::sum));
      mutants.add(m);
    }
    assertEquals(Mutation.values().length, applied.size(), "every kind of mutation made: " + applied);

    List<String> logged = new CopyOnWriteArrayList<>();
    long started = System.nanoTime();
    Warehouse wh = new Warehouse(TestSpark.session(), tmp.resolve("wh"));
    Map<Mutant, String> refused = new LinkedHashMap<>();
    List<Mutant> reconciled = new ArrayList<>();
    try (LogCapture capture = new LogCapture(logged); Parallel parallel = new Parallel(2)) {
      Ingest ingest = new Ingest(wh, CONTRACT, IngestTest.QUIET, parallel);
      Inbox inbox = new Inbox(mutantsRoot, CONTRACT);
      Map<LocalDate, Mutant> byDate = new TreeMap<>();
      List<Extract> checked = new ArrayList<>();
      Extract baseExtract = new Inbox(generated, CONTRACT).check(base);
      checked.add(baseExtract);   // the base once: every mutant's rows have parents to find
      for (Mutant m : mutants) {
        byDate.put(m.date(), m);
        try {
          checked.add(inbox.check(m.dir()));
        } catch (ExtractRefused e) {
          refused.put(m, e.getMessage());
        } catch (Exception e) {
          fail(m + ": the checks failed with " + e.getClass().getName() + " instead of a refusal");
        }
      }
      // only changed files are read past the checks: a file left as the base's bytes has the base's
      // outcome (read in full once), and 200 extracts of 11 files each were 2,200 Spark partitions
      RawReader reader = new RawReader(wh.spark());
      Map<String, Dataset<Row>> raw = new LinkedHashMap<>();
      for (FileSchema f : CONTRACT.files()) {
        Dataset<Row> rows = reader.read(baseExtract, f);
        for (Extract e : checked.subList(1, checked.size())) {
          if (byDate.get(e.date()).changed().contains(f.table())) {
            rows = rows.unionByName(reader.read(e, f));
          }
        }
        raw.put(f.table(), Lineage.cut(rows));
      }
      assertCountsAsSparkReads(refused, reader, tmp.resolve("restated"));

      assertNoReplacementCharacter(raw);
      Dataset<Row> statuses = ingest.statuses(new Conformer(CONTRACT).classify(raw, ingest.heldOrphans(), t -> null));
      List<Row> log = ingest.ingestLog(statuses, checked, "fuzz").collectAsList();
      Map<LocalDate, Extract> checkedByDate = new TreeMap<>();
      checked.forEach(e -> checkedByDate.put(e.date(), e));
      for (Row r : log) {
        LocalDate date = ((java.sql.Date) r.getAs("extract_date")).toLocalDate();
        String file = r.getAs("file");
        if (!date.equals(BASE_DATE) && !byDate.get(date).changed().contains(file)) {
          continue;
        }
        long read = r.getAs("rows_read");
        String where = (date.equals(BASE_DATE) ? "base" : byDate.get(date)) + ", " + file;
        assertEquals(read, (long) r.getAs("accepted") + (long) r.getAs("quarantined") + (long) r.getAs("duplicates"),
            where);
        assertEquals((long) checkedByDate.get(date).manifestRows().get(file), read, where + ": rows as the manifest says");
      }
      for (Extract e : checked) {
        if (!e.date().equals(BASE_DATE)) {
          reconciled.add(byDate.get(e.date()));
        }
      }
      List<String> codes = statuses.where(col("reason_full").isNotNull()).select("reason_full").distinct()
          .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
      codes.forEach(c -> assertTrue(REASON_CODES.contains(c.split(":")[0]), "a reason of the contract: " + c));
      statuses.unpersist();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("fuzz: %d mutants (seed %d) in %.1f s: %d refused, %d reconciled; mutations %s%n",
        MUTANTS, SEED, seconds, refused.size(), reconciled.size(), applied);

    assertEquals(MUTANTS, refused.size() + reconciled.size(), "every mutant has an outcome");
    assertTrue(refused.size() > MUTANTS / 10 && reconciled.size() > MUTANTS / 10,
        "both outcomes are exercised: " + refused.size() + " refused");
    Set<String> fileNames = new HashSet<>(List.of("manifest.json"));
    CONTRACT.files().forEach(f -> fileNames.add(f.fileName()));
    refused.forEach((m, message) -> {
      assertTrue(message.startsWith("extract " + m.date() + " refused: "), m + ": " + message);
      assertTrue(fileNames.stream().anyMatch(message::contains), m + " names a file: " + message);
    });
    assertNoValueIn(logged, personValues, "the log");
    assertNoValueIn(new ArrayList<>(refused.values()), personValues, "a refusal");
    for (String event : logged) {
      assertFalse(event.contains("THROWN"), "no stack trace in the log: " + event.substring(0, Math.min(300, event.length())));
    }

    throughTheIngest(tmp, generated, base, pick(refused.keySet(), 2), pick(reconciled, 3), refused, personValues);
  }

  /**
   * The records the checks count are the rows Spark reads: each mutant refused for a count, restated with
   * the count the checks found (as if the sender had stated it), passes the checks and reads as that many
   * rows, file by file (the reconciled mutants show the same through the ingest log).
   */
  static void assertCountsAsSparkReads(Map<Mutant, String> refused, RawReader reader, Path root) throws IOException {
    Map<LocalDate, Extract> restated = new TreeMap<>();
    Map<LocalDate, Mutant> mutants = new HashMap<>();
    for (Map.Entry<Mutant, String> e : refused.entrySet()) {
      Matcher count = COUNT_REFUSAL.matcher(e.getValue());
      if (!count.find()) {
        continue;
      }
      Path dir = root.resolve(e.getKey().date().toString());
      copyTree(e.getKey().dir(), dir);
      Extract extract = null;
      for (int files = 0; extract == null; files++) {
        assertTrue(files < CONTRACT.files().size(), e.getKey() + ": restated, the counts agree");
        TestInbox.replaceFile(dir, count.group(1), Files.readAllBytes(dir.resolve(count.group(1))),
            Long.parseLong(count.group(2)));
        try {
          extract = new Inbox(root, CONTRACT).check(dir);
        } catch (ExtractRefused again) {
          count = COUNT_REFUSAL.matcher(again.getMessage());
          assertTrue(count.find(), e.getKey() + ": restated, refused only for a count: " + again.getMessage());
        }
      }
      restated.put(extract.date(), extract);
      mutants.put(extract.date(), e.getKey());
    }
    assertFalse(restated.isEmpty(), "some mutants are refused for a count");
    Dataset<Row> counts = null;
    for (FileSchema f : CONTRACT.files()) {
      for (Extract e : restated.values()) {
        if (mutants.get(e.date()).changed().contains(f.table())) {
          Dataset<Row> one = reader.read(e, f).groupBy(RawReader.EXTRACT_DATE, RawReader.FILE).count();
          counts = counts == null ? one : counts.unionByName(one);
        }
      }
    }
    Map<String, Long> read = new HashMap<>();
    counts.collectAsList().forEach(r -> read.put(r.getDate(0) + " " + r.getString(1), r.getLong(2)));
    for (Extract e : restated.values()) {
      for (String table : mutants.get(e.date()).changed()) {
        assertEquals(e.manifestRows().get(table), read.getOrDefault(e.date() + " " + table, 0L),
            mutants.get(e.date()) + ", " + table + ": the records counted are the rows Spark reads");
      }
    }
  }

  /**
   * A few mutants through the real ingest, one night each on a warehouse holding the base: a
   * refused one writes nothing and says what the checks said; the others reconcile in ops.
   */
  static void throughTheIngest(Path tmp, Path generated, Path base, List<Mutant> refusedOnes, List<Mutant> reconciledOnes,
                               Map<Mutant, String> refusals, Set<String> personValues) throws Exception {
    Path inboxRoot = tmp.resolve("night-inbox");
    copyTree(base, inboxRoot.resolve(BASE_DATE.toString()));
    Warehouse wh = new Warehouse(TestSpark.session(), tmp.resolve("night-wh"));
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Progress progress = new Progress(new PrintStream(output, true));
    try (Parallel parallel = new Parallel(2)) {
      Ingest ingest = new Ingest(wh, CONTRACT, progress, parallel);
      assertNull(ingest.run(inboxRoot, "base").refusal());
      for (Mutant m : refusedOnes) {
        Map<String, Long> before = NightlyJobTest.versions(wh);
        copyTree(m.dir(), inboxRoot.resolve(m.date().toString()));
        Ingest.Outcome outcome = ingest.run(inboxRoot, "night-" + m.date());
        assertEquals(refusals.get(m), outcome.refusal() == null ? null : outcome.refusal().getMessage(), m.toString());
        assertEquals(before, NightlyJobTest.versions(wh), m + ": nothing written");
        NightlyJobTest.deleteTree(inboxRoot.resolve(m.date().toString()));
      }
      for (Mutant m : reconciledOnes) {
        copyTree(m.dir(), inboxRoot.resolve(m.date().toString()));
        Ingest.Outcome outcome = ingest.run(inboxRoot, "night-" + m.date());
        assertEquals(List.of(m.date()), outcome.applied(), m.toString());
        Extract extract = new Inbox(inboxRoot, CONTRACT).check(inboxRoot.resolve(m.date().toString()));
        for (Row r : wh.read("ops", "ingest_log").where(col("extract_date").equalTo(java.sql.Date.valueOf(m.date())))
            .collectAsList()) {
          long read = r.getAs("rows_read");
          assertEquals(read, (long) r.getAs("accepted") + (long) r.getAs("quarantined") + (long) r.getAs("duplicates"));
          assertEquals((long) extract.manifestRows().get((String) r.getAs("file")), read, m + " " + r.getAs("file"));
        }
      }
    }
    String night = output.toString(StandardCharsets.UTF_8);
    assertNoValueIn(night.lines().toList(), personValues, "the night's output");
    assertFalse(night.contains("Exception") || night.contains("\tat "), night);
  }

  static Mutant mutate(Path base, Path root, LocalDate date, Random random) throws IOException {
    Path dir = root.resolve(date.toString());
    copyTree(base, dir);
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"" + BASE_DATE + "\"", "\"" + date + "\""));
    List<String> done = new ArrayList<>();
    Map<String, byte[]> changed = new TreeMap<>();
    for (int k = 1 + random.nextInt(2); k > 0; k--) {
      Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
      String file = CONTRACT.files().get(random.nextInt(CONTRACT.files().size())).fileName();
      byte[] bytes = changed.containsKey(file) ? changed.get(file) : Files.readAllBytes(dir.resolve(file));
      changed.put(file, mutation.apply(bytes, random));
      done.add(mutation + " " + file);
    }
    // mostly the sender states the mutated files (checksum, records as Commons CSV counts them);
    // sometimes the manifest is the one made before the damage (a broken transfer)
    boolean restated = random.nextInt(100) < 85;
    for (Map.Entry<String, byte[]> e : changed.entrySet()) {
      if (restated) {
        TestInbox.replaceFile(dir, e.getKey(), e.getValue(), records(e.getValue()));
      } else {
        Files.write(dir.resolve(e.getKey()), e.getValue());
      }
    }
    Set<String> tables = new HashSet<>();
    changed.keySet().forEach(name -> tables.add(name.substring(0, name.length() - ".csv".length())));
    return new Mutant(date, dir, done, tables, restated);
  }

  /** Records after the header as Commons CSV reads them; null when it cannot (the manifest keeps its count). */
  static Long records(byte[] file) {
    try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(new String(file, StandardCharsets.UTF_8)))) {
      long n = 0;
      for (var ignored : parser) {
        n++;
      }
      return Math.max(0, n - 1);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Ids of people and their records in the base extract: none may appear in a log or a message. */
  static Set<String> personLevelValues(Path extract) throws IOException {
    Set<String> values = new HashSet<>();
    for (FileSchema f : CONTRACT.files()) {
      if (f.table().equals("programs") || f.table().equals("staff")) {
        continue;
      }
      List<String> idColumns = f.columns().stream().filter(c -> c.type().equals("id")).map(ColumnSpec::name).toList();
      try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().build()
          .parse(Files.newBufferedReader(extract.resolve(f.fileName())))) {
        parser.forEach(r -> idColumns.forEach(c -> {
          if (!r.get(c).isEmpty()) {
            values.add(r.get(c));
          }
        }));
      }
    }
    assertTrue(values.size() > 50, "the base extract has people: " + values.size());
    return values;
  }

  /** Compares whole tokens (ids are short: E-12 is also part of E-123). */
  static void assertNoValueIn(List<String> texts, Set<String> values, String where) {
    for (String text : texts) {
      for (String token : text.split("[^A-Za-z0-9_-]+")) {
        assertFalse(values.contains(token), "a row value in " + where);
      }
      assertFalse(text.contains("a@a@a@a@") || text.contains("xxxxxxxxxxxxxxxx"), "a giant value in " + where);
    }
  }

  static void assertNoReplacementCharacter(Map<String, Dataset<Row>> raw) {
    for (FileSchema f : CONTRACT.files()) {
      Column any = org.apache.spark.sql.functions.lit(false);
      for (String c : f.columnNames()) {
        any = any.or(col(c).contains("\uFFFD"));
      }
      assertEquals(0, raw.get(f.table()).where(any).count(), "no U+FFFD in raw " + f.table());
    }
  }

  static <T> List<T> pick(java.util.Collection<T> from, int n) {
    return from.stream().limit(n).toList();
  }

  static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  /** Every log event of the test's run, formatted, with THROWN and its class when it carries an exception. */
  static final class LogCapture implements AutoCloseable {
    private final AbstractAppender appender;

    LogCapture(List<String> events) {
      appender = new AbstractAppender("fuzz-capture", null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
          events.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getMessage().getFormattedMessage()
              + (event.getThrown() == null ? "" : " THROWN " + event.getThrown().getClass().getName()));
        }
      };
      appender.start();
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
      context.updateLoggers();
    }

    @Override
    public void close() {
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      context.getConfiguration().getRootLogger().removeAppender(appender.getName());
      context.updateLoggers();
      appender.stop();
    }
  }
}
