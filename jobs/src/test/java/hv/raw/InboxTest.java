package hv.raw;

import static hv.TestInbox.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hv.TestInbox;
import hv.contract.Contract;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole-extract checks on hostile files, without Spark: encoding, header names, folder names. */
class InboxTest {

  static final Contract CONTRACT = Contract.get();

  static TestInbox.Extract visits(TestInbox inbox, String date, int count) {
    TestInbox.Extract extract = inbox.extract(date);
    for (int i = 1; i <= count; i++) {
      extract.add("home_visits", row("visit_id", "V" + i, "enrollment_id", "E1", "visit_date", "2026-01-05",
          "status", "COMPLETED", "created_at", "2026-01-05T12:00:00Z", "updated_at", "2026-01-05T12:00:00Z"));
    }
    return extract;
  }

  /** The file's bytes with {@code inserted} put just before the first occurrence of {@code before}. */
  static byte[] insert(Path file, String before, byte[] inserted) throws Exception {
    String text = Files.readString(file);
    int at = text.substring(0, text.indexOf(before)).getBytes(StandardCharsets.UTF_8).length;
    byte[] bytes = Files.readAllBytes(file);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.write(inserted);
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }

  static String refusal(Path inboxRoot, Path dir) {
    return assertThrows(ExtractRefused.class, () -> new Inbox(inboxRoot, CONTRACT).check(dir)).getMessage();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "Latin-1 e acute,     e9,       'line 3 holds bytes that are not UTF-8'",
      "lone continuation,   80,       'line 3 holds bytes that are not UTF-8'",
      "overlong slash,      c0af,     'line 3 holds bytes that are not UTF-8'",
      "surrogate half,      eda080,   'line 3 holds bytes that are not UTF-8'",
      "cut sequence,        e282,     'line 3 holds bytes that are not UTF-8'",
      "replacement char,    efbfbd,   'line 3 holds U+FFFD'"})
  void aFileThatIsNotCleanUtf8RefusesTheExtractNamingFileAndLine(String what, String hex, String expected,
                                                                 @TempDir Path tmp) throws Exception {
    TestInbox inbox = new TestInbox(tmp);
    Path dir = visits(inbox, "2026-01-10", 3).write();
    Path file = dir.resolve("home_visits.csv");
    TestInbox.replaceFile(dir, "home_visits.csv", insert(file, "V2,", HexFormat.of().parseHex(hex)), null);
    String message = refusal(tmp, dir);
    assertTrue(message.startsWith("extract 2026-01-10 refused: home_visits.csv " + expected), message);
  }

  @Test
  void theLineIsCountedAcrossTheWholeFile(@TempDir Path tmp) throws Exception {
    TestInbox inbox = new TestInbox(tmp);
    Path dir = visits(inbox, "2026-01-10", 3000).write();   // far more than one read buffer
    Path file = dir.resolve("home_visits.csv");
    assertTrue(Files.size(file) > 3 * (1 << 16));
    TestInbox.replaceFile(dir, "home_visits.csv", insert(file, "V2718,", new byte[] {(byte) 0xe9}), null);
    assertTrue(refusal(tmp, dir).contains("home_visits.csv line 2719 holds bytes that are not UTF-8"));
  }

  @Test
  void utf8TextAndALeadingByteOrderMarkPass(@TempDir Path tmp) throws Exception {
    TestInbox inbox = new TestInbox(tmp);
    Path dir = inbox.extract("2026-01-10").add("programs", row("program_id", "P1", "program_name",
        "Programa Niños — Año", "updated_at", "2026-01-01T00:00:00Z")).write();
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    TestInbox.replaceFile(dir, "programs.csv", insert(dir.resolve("programs.csv"), "program_id", bom), null);
    Extract extract = new Inbox(tmp, CONTRACT).check(dir);
    assertEquals(CONTRACT.file("programs").columnNames(), extract.headers().get("programs"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a column twice         | STATUS                | home_visits.csv header names column 'status' twice",
      "an empty name          | ''                    | home_visits.csv header column 12 has no name",
      "a blank name           | '   '                 | home_visits.csv header column 12 has no name",
      "an unclosed quote      | '\"mode'              | home_visits.csv header line is not a CSV record"})
  void aHeaderWithADuplicateOrNamelessColumnRefusesTheExtractNamingFileAndColumn(String what, String extra,
      String expected, @TempDir Path tmp) throws Exception {
    TestInbox inbox = new TestInbox(tmp);
    Path dir = visits(inbox, "2026-01-10", 2).write();
    Path file = dir.resolve("home_visits.csv");
    String text = Files.readString(file);
    int endOfHeader = text.indexOf('\n');
    String changed = text.substring(0, endOfHeader) + "," + extra + text.substring(endOfHeader);
    TestInbox.replaceFile(dir, "home_visits.csv", changed.getBytes(StandardCharsets.UTF_8), null);
    String message = refusal(tmp, dir);
    assertTrue(message.startsWith("extract 2026-01-10 refused: " + expected), message);
  }

  @Test
  void foldersNamedByNoValidExtractDateAreListedAndNeverPending(@TempDir Path tmp) throws Exception {
    List<String> misnamed = List.of("0001-01-01", "2026-11-30x", "2026-11-31", "2126-01-01", "not-a-date");
    for (String name : misnamed) {
      Files.createDirectories(tmp.resolve(name));
    }
    Files.createDirectories(tmp.resolve("2026-11-30"));
    Files.createDirectories(tmp.resolve("2026-12-01"));
    Files.writeString(tmp.resolve("notes.txt"), "a file, not a folder: no extract, nothing to report");
    Inbox inbox = new Inbox(tmp, CONTRACT);
    assertEquals(misnamed, inbox.notExtractFolders());
    List<String> pending = new ArrayList<>();
    inbox.pending(Set.of(java.time.LocalDate.parse("2026-12-01"))).forEach(p -> pending.add(p.getFileName().toString()));
    assertEquals(List.of("2026-11-30"), pending);
    assertFalse(pending.contains("2026-11-31"));
  }
}
