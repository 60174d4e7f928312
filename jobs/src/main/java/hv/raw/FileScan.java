package hv.raw;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One read of a file, every whole-file fact the checks need: its SHA-256; the first line that
 * is not text in the contract's encoding (the JDK's strict decoder: malformed sequences,
 * overlong forms and surrogates are all reported), or that holds U+FFFD, the replacement
 * character an earlier lossy conversion leaves (either would reach the tables as a changed
 * value); its header record; and the records after it, split by the tokenizer of Spark's CSV
 * reader with the settings the ingest reads the file with, so that the count compared with
 * the manifest is the number of rows the ingest will read (docs/ingest-decisions.md).
 *
 * @param encodingProblem null when the whole file decodes; else the line and what is wrong,
 *                        never the bytes themselves (the header and count then mean nothing)
 * @param header          the first record's fields as written (a leading byte-order mark
 *                        dropped), empty when the file holds no text; null when it is not a
 *                        CSV record (a quote left open, or text after a closing quote)
 * @param records         the records after the header
 */
public record FileScan(String sha256, String encodingProblem, List<String> header, long records) {

  private static final int BUFFER = 1 << 16;

  public static FileScan of(Path file, Charset encoding) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      Text text = new Text(channel, encoding);
      CsvParser tokenizer = new CsvParser(RawReader.tokenizerSettings());
      long records = 0;
      try {
        tokenizer.beginParsing(text);
        while (tokenizer.parseNext() != null) {
          records++;
        }
      } catch (TextParsingException e) {
        // its message quotes the file's content: only the line is kept
        throw new IOException(file.getFileName() + " line " + (e.getLineIndex() + 1)
            + " holds a record Spark's CSV reader cannot split", null);
      }
      text.readRestForChecksum();
      return new FileScan(text.sha256(), text.problem, text.header, Math.max(0, records - 1));
    }
  }

  /**
   * The file's text as the tokenizer pulls it: every byte read goes to the checksum, the
   * decoder is strict, the text ends at the first problem (what follows is read for the
   * checksum only), and the header is parsed from the first chunk of text.
   */
  private static final class Text extends Reader {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';

    private final ReadableByteChannel channel;
    private final MessageDigest digest = newDigest();
    private final CharsetDecoder decoder;
    private final ByteBuffer in = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer out = CharBuffer.allocate(BUFFER).flip();
    private boolean endOfBytes;
    private boolean endOfText;
    private boolean first = true;
    private long line = 1;
    String problem;
    List<String> header = List.of();

    Text(ReadableByteChannel channel, Charset encoding) {
      this.channel = channel;
      this.decoder = encoding.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] into, int offset, int length) throws IOException {
      if (!out.hasRemaining() && !decodeChunk()) {
        return -1;
      }
      int n = Math.min(length, out.remaining());
      out.get(into, offset, n);
      return n;
    }

    /** The next chunk of text into {@code out}; false at the end of the text. */
    private boolean decodeChunk() throws IOException {
      out.clear();
      CoderResult error = null;
      while (out.position() == 0 && !endOfText) {
        CoderResult result = decoder.decode(in, out, endOfBytes);
        if (result.isError()) {
          error = result;
          break;
        }
        if (result.isOverflow()) {
          break;
        }
        if (endOfBytes) {
          decoder.flush(out);
          endOfText = true;
        } else {
          readBytes();
        }
      }
      out.flip();
      for (int i = out.position(); i < out.limit() && problem == null; i++) {
        char c = out.get(i);
        if (c == REPLACEMENT) {
          problem = "line " + line + " holds U+FFFD, the replacement character an earlier lossy conversion leaves";
        }
        line += c == '\n' ? 1 : 0;
      }
      if (problem == null && error != null) {
        problem = "line " + line + " holds bytes that are not " + decoder.charset().name();
      }
      if (problem != null) {
        endOfText = true;
        out.limit(out.position());
        return false;
      }
      if (first) {
        first = false;
        if (out.hasRemaining() && out.get(out.position()) == BYTE_ORDER_MARK) {
          out.get();
        }
        header = headerOf(out.toString());
      }
      return out.hasRemaining();
    }

    private void readBytes() throws IOException {
      in.compact();
      int before = in.position();
      endOfBytes = channel.read(in) < 0;
      digest.update(in.array(), before, in.position() - before);
      in.flip();
    }

    void readRestForChecksum() throws IOException {
      while (!endOfBytes) {
        in.position(in.limit());
        readBytes();
      }
    }

    String sha256() {
      return HexFormat.of().formatHex(digest.digest());
    }

    /** Closed with its channel, after the checksum's last bytes (the tokenizer closes its input at the end). */
    @Override
    public void close() {
    }
  }

  /**
   * The first record of the text's first chunk as Commons CSV parses it (strict RFC 4180: a
   * quote left open or text after a closing quote is no record); a header line is far shorter
   * than a chunk.
   */
  private static List<String> headerOf(String chunk) {
    try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(chunk))) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      records.next().forEach(names::add);
      return names;
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
