package hv.marts.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A digest of the compiled {@code hv} classes and the packaged contract and settings: rows
 * published by other code (a fixed measure, a new column) are never kept, the marts are then
 * rebuilt in full. From the jar's entry checksums (no class is read) or, when running from a
 * classes folder, from the files.
 */
final class CodeFingerprint {

  private static final List<String> FOLDERS = List.of("hv/", "schemas/", "conf/");

  private static String value;

  private CodeFingerprint() {}

  static synchronized String get() {
    if (value == null) {
      value = compute();
    }
    return value;
  }

  private static String compute() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      Path code = Path.of(CodeFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(code)) {
        for (String folder : FOLDERS) {
          if (!Files.isDirectory(code.resolve(folder))) {
            continue;
          }
          try (Stream<Path> files = Files.walk(code.resolve(folder))) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
              digest.update(code.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
              digest.update(Files.readAllBytes(p));
            }
          }
        }
      } else {
        try (ZipFile jar = new ZipFile(code.toFile())) {
          List<? extends ZipEntry> entries = jar.stream()
              .filter(e -> FOLDERS.stream().anyMatch(f -> e.getName().startsWith(f)))
              .sorted(java.util.Comparator.comparing(ZipEntry::getName)).toList();
          for (ZipEntry e : entries) {
            digest.update((e.getName() + ":" + e.getCrc() + ":" + e.getSize()).getBytes(StandardCharsets.UTF_8));
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
