package hv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * bin/hv prints {@code --help} from docs/usage without building the jar: those texts must be the
 * commands' own. On a difference the current texts are written to jobs/target/usage to copy over.
 */
class UsageTextTest {

  static final Path STORED = Path.of(System.getProperty("hv.home", "..")).resolve("docs/usage");

  /** Compares each command's usage with its stored file; returns the names that differ. */
  static List<String> differing(Map<String, CommandLine> commands) throws IOException {
    List<String> differing = new ArrayList<>();
    for (Map.Entry<String, CommandLine> command : commands.entrySet()) {
      String usage = command.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF);
      Path stored = STORED.resolve(command.getKey() + ".txt");
      if (!Files.exists(stored) || !Files.readString(stored, StandardCharsets.UTF_8).equals(usage)) {
        differing.add(command.getKey());
        Path current = Path.of("target/usage").resolve(command.getKey() + ".txt");
        Files.createDirectories(current.getParent());
        Files.writeString(current, usage, StandardCharsets.UTF_8);
      }
    }
    return differing;
  }

  @Test
  void storedUsageIsEachCommandsOwn() throws IOException {
    CommandLine hv = Hv.commandLine();
    Map<String, CommandLine> commands = new TreeMap<>(hv.getSubcommands());
    commands.remove("help");
    commands.put("hv", hv);
    assertEquals(List.of(), differing(commands), "docs/usage is out of date: cp jobs/target/usage/*.txt docs/usage/");
  }
}
