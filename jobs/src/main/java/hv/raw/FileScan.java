package hv.raw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One pass over a file's bytes: its SHA-256, and the first line that is not text in the
 * contract's encoding (the JDK's strict decoder: malformed sequences, overlong forms and
 * surrogates are all reported), or that holds U+FFFD, the replacement character an earlier
 * lossy conversion leaves. Either would reach the tables as a changed value.
 *
 * @param encodingProblem null when the whole file decodes; else the line and what is wrong,
 *                        never the bytes themselves
 */
public record FileScan(String sha256, String encodingProblem) {

  private static final int BUFFER = 1 << 16;
  private static final char REPLACEMENT = '\uFFFD';

  public static FileScan of(Path file, Charset encoding) throws IOException {
    MessageDigest digest = newDigest();
    CharsetDecoder decoder = encoding.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(BUFFER);
    CharBuffer out = CharBuffer.allocate(BUFFER);
    long line = 1;
    String problem = null;
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      boolean end = false;
      while (!end) {
        int before = in.position();
        end = channel.read(in) < 0;
        digest.update(in.array(), before, in.position() - before);
        in.flip();
        while (problem == null) {
          CoderResult result = decoder.decode(in, out, end);
          if (end && result.isUnderflow()) {
            result = decoder.flush(out);
          }
          out.flip();
          for (int i = out.position(); i < out.limit() && problem == null; i++) {
            char c = out.get(i);
            if (c == REPLACEMENT) {
              problem = "line " + line + " holds U+FFFD, the replacement character an earlier lossy conversion leaves";
            }
            line += c == '\n' ? 1 : 0;
          }
          out.clear();
          if (problem == null && result.isError()) {
            problem = "line " + line + " holds bytes that are not " + encoding.name();
          }
          if (!result.isOverflow()) {
            break;
          }
        }
        if (problem == null) {
          in.compact();
        } else {
          in.clear();   // the rest is read for the checksum only
        }
      }
    }
    return new FileScan(HexFormat.of().formatHex(digest.digest()), problem);
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
