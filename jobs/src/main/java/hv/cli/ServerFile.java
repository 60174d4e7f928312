package hv.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * How {@code bin/hv sql} finds a {@code bin/hv serve} running on its warehouse: each server,
 * once it listens, writes {@code <warehouse>/_serve/<port>.properties} (host, port, process id,
 * warehouse) and removes it when it stops. A file whose process is gone (a server killed hard)
 * is stale and ignored; so is one copied along with the warehouse to another folder.
 */
record ServerFile(String host, int port, long pid, Path warehouse) {

  static Path folder(Path warehouse) {
    return warehouse.toAbsolutePath().normalize().resolve("_serve");
  }

  /** Written whole or not at all (a reader never sees half a file). */
  static ServerFile write(Path warehouse, String host, int port) throws IOException {
    ServerFile file = new ServerFile(host, port, ProcessHandle.current().pid(), warehouse.toAbsolutePath().normalize());
    Properties p = new Properties();
    p.setProperty("host", host);
    p.setProperty("port", Integer.toString(port));
    p.setProperty("pid", Long.toString(file.pid()));
    p.setProperty("warehouse", file.warehouse().toString());
    Files.createDirectories(folder(warehouse));
    Path partial = Files.createTempFile(folder(warehouse), port + ".", ".partial");
    try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      p.store(out, "bin/hv serve on this warehouse: bin/hv sql sends its queries here while the process runs");
    }
    Files.move(partial, file.path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  Path path() {
    return folder(warehouse).resolve(port + ".properties");
  }

  void delete() {
    try {
      Files.deleteIfExists(path());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The servers whose process still runs on this warehouse, as their files say (no connection tried). */
  static List<ServerFile> running(Path warehouse) {
    Path folder = folder(warehouse);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted()
          .flatMap(f -> read(f).stream())
          .filter(s -> s.warehouse().equals(warehouse.toAbsolutePath().normalize()))
          .filter(s -> ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false))
          .toList();
    } catch (IOException e) {
      return List.of();   // an unreadable folder: no server known, the query runs embedded
    }
  }

  private static Optional<ServerFile> read(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
      return Optional.of(new ServerFile(p.getProperty("host"), Integer.parseInt(p.getProperty("port")),
          Long.parseLong(p.getProperty("pid")), Path.of(p.getProperty("warehouse"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();   // removed meanwhile, or not ours
    }
  }
}
