package hv.generate;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** One extract file being written: CSV with '\n' line ends, counting records and hashing bytes on the way out. */
final class CsvFile implements Closeable {

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

  final Path path;
  private final MessageDigest digest;
  private final Writer out;
  /** Commons CSV appends char by char; collecting into an unsynchronized buffer first is several times faster. */
  private final StringBuilder buffer = new StringBuilder(1 << 17);
  private final CSVPrinter printer;
  private int rows;
  private String sha256;

  CsvFile(Path path, List<String> header) {
    this.path = path;
    try {
      digest = MessageDigest.getInstance("SHA-256");
      DigestOutputStream bytes = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), digest);
      this.out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
      printer = new CSVPrinter(buffer, FORMAT);
      printer.printRecord(header);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  void write(String[] values) {
    try {
      printer.printRecord((Object[]) values);
      rows++;
      if (buffer.length() >= 1 << 16) {
        flushBuffer();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  private void flushBuffer() throws IOException {
    out.append(buffer);
    buffer.setLength(0);
  }

  int rows() {
    return rows;
  }

  /** Hex SHA-256 of the file's bytes; available once closed. */
  String sha256() {
    return sha256;
  }

  @Override
  public void close() {
    try {
      flushBuffer();
      out.close();
      sha256 = HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
