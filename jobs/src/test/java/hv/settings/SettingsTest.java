package hv.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings: the installed conf/ from disk, then --conf DIR, then --set; keys and values checked. */
class SettingsTest {

  private static final String MAX_COUNT = "publication.suppress.max-count";
  private static final Path INSTALLED = Path.of(System.getProperty("hv.home")).resolve("conf");

  /** The installed conf/ (hv.home/conf) with hv.properties' suppression threshold changed, no build. */
  @Test
  void theInstalledConfIsReadFromDisk(@TempDir Path home) throws IOException {
    Path conf = Files.createDirectory(home.resolve("conf"));
    for (String file : Settings.FILES) {
      Files.copy(INSTALLED.resolve(file), conf.resolve(file));
    }
    Files.writeString(conf.resolve("hv.properties"), Files.readString(conf.resolve("hv.properties"))
        .replace(MAX_COUNT + "=9", MAX_COUNT + "=7"));
    String before = System.getProperty("hv.home");
    System.setProperty("hv.home", home.toString());
    try {
      assertEquals(7, Settings.load(Optional.empty(), Map.of()).whole(MAX_COUNT));
    } finally {
      System.setProperty("hv.home", before);
    }
    assertEquals(9, Settings.load(Optional.empty(), Map.of()).whole(MAX_COUNT));
  }

  @Test
  void confDirWinsOverTheInstalledKeyByKey(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("hv.properties"), MAX_COUNT + "=5\ncaseload.slots.NFP=20\n");
    Files.writeString(dir.resolve("ratecard-prices.properties"), "RC2=600.50\n");
    Settings settings = Settings.load(Optional.of(dir), Map.of());
    assertEquals(5, settings.whole(MAX_COUNT));
    assertEquals("20", settings.startingWith("caseload.slots.").get("NFP"));
    assertEquals("600.50", settings.text("RC2"));
    // the keys the folder does not have come from the installed conf/
    assertEquals("12", settings.startingWith("caseload.slots.").get("PAT"));
    assertEquals("250.00", settings.text("RC1"));
    assertEquals("local[2]", settings.startingWith("spark.").get("master"));
  }

  @Test
  void setWinsOverConfDirAndTheInstalledConf(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("hv.properties"), MAX_COUNT + "=5\n");
    Settings settings = Settings.load(Optional.of(dir),
        Map.of(MAX_COUNT, "11", "serve.port", "10123", "spark.sql.shuffle.partitions", "4"));
    assertEquals(11, settings.whole(MAX_COUNT));
    assertEquals(10123, settings.whole("serve.port"));
    assertEquals("4", settings.startingWith("spark.").get("sql.shuffle.partitions"));
  }

  @Test
  void anUnknownKeyIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.load(Optional.empty(), Map.of("publication.supress.max-count", "5")));
    assertTrue(e.getMessage().startsWith("--set publication.supress.max-count=5: no setting publication.supress.max-count"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Settings.check("--set", "caseload.slots.", "12"));
    assertThrows(IllegalArgumentException.class, () -> Settings.check("--set", "RC9", "10.00"));
  }

  @Test
  void aValueNotOfItsKeysKindIsRefusedByName() {
    Map<String, String> wrong = Map.of(MAX_COUNT, "nine", "serve.port", "70000", "serve.refresh.seconds", "0",
        "caseload.slots.NFP", "-3", "RC1", "10.005", "warehouse", "");
    wrong.forEach((key, value) -> {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Settings.load(Optional.empty(), Map.of(key, value)), key + "=" + value);
      assertTrue(e.getMessage().contains(": " + key + " must be "), e.getMessage());
    });
  }

  @Test
  void aConfFileIsCheckedAsSetIs(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("hv.properties"), "caseload.slots.NFP=twenty\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.load(Optional.of(dir), Map.of()));
    assertEquals(dir.resolve("hv.properties") + ": caseload.slots.NFP must be a number > 0", e.getMessage());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> Settings.load(Optional.of(dir.resolve("..")), Map.of()));
    assertTrue(none.getMessage().contains("holds none of hv.properties"), none.getMessage());
  }
}
