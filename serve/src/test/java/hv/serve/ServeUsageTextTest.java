package hv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** bin/hv prints {@code serve --help} from docs/usage/serve.txt without building: it must be serve's own usage. */
class ServeUsageTextTest {

  @Test
  void storedUsageIsServesOwn() throws IOException {
    String usage = HvServe.commandLine().getSubcommands().get("serve").getUsageMessage(CommandLine.Help.Ansi.OFF);
    Path stored = Path.of(System.getProperty("hv.home", "..")).resolve("docs/usage/serve.txt");
    if (!Files.exists(stored) || !Files.readString(stored, StandardCharsets.UTF_8).equals(usage)) {
      Path current = Files.createDirectories(Path.of("target/usage")).resolve("serve.txt");
      Files.writeString(current, usage, StandardCharsets.UTF_8);
    }
    assertEquals(usage, Files.exists(stored) ? Files.readString(stored, StandardCharsets.UTF_8) : "",
        "docs/usage/serve.txt is out of date: cp serve/target/usage/serve.txt docs/usage/");
  }
}
