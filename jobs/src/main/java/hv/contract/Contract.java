package hv.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The extract contract, loaded from the {@code schemas/} files bundled on the classpath.
 * Ingest validation and the generator both read it: one source of truth.
 */
public final class Contract {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Index(List<String> files, Map<String, List<String>> identifierColumns,
               Map<String, String> identifierValuePatterns, String idPattern,
               Map<String, Integer> maxLength, Map<String, String> dateRange, String encoding,
               List<ColumnSpec> commonColumns) {}

  /** The dates (and instants, from the first one's start to the last one's end) values may take. */
  public record DateRange(LocalDate min, LocalDate max) {

    public boolean contains(LocalDate date) {
      return !date.isBefore(min) && !date.isAfter(max);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Contract loaded;

  private final Index index;
  private final Map<String, FileSchema> files;

  private Contract(Index index, Map<String, FileSchema> files) {
    this.index = index;
    this.files = files;
  }

  public static synchronized Contract get() {
    if (loaded == null) {
      Index index = read("schemas/extract.json", Index.class);
      Map<String, FileSchema> files = new LinkedHashMap<>();
      for (String table : index.files()) {
        FileSchema schema = read("schemas/files/" + table + ".json", FileSchema.class);
        files.put(table, schema.withCommonColumns(index.commonColumns()));
      }
      loaded = new Contract(index, files);
    }
    return loaded;
  }

  private static <T> T read(String resource, Class<T> type) {
    try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing contract resource " + resource);
      }
      return JSON.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read contract resource " + resource, e);
    }
  }

  /** Files in parent-first order. */
  public List<FileSchema> files() {
    return new ArrayList<>(files.values());
  }

  public FileSchema file(String table) {
    FileSchema schema = files.get(table);
    if (schema == null) {
      throw new IllegalArgumentException("no extract file named " + table);
    }
    return schema;
  }

  /** Column names that identify a person directly; their presence refuses the extract. */
  public Set<String> identifierColumns(String table) {
    Set<String> names = new TreeSet<>(index.identifierColumns().getOrDefault("*", List.of()));
    names.addAll(index.identifierColumns().getOrDefault(table, List.of()));
    return names;
  }

  /** Reason suffix → regular expression of values that look like direct identifiers. */
  public Map<String, String> identifierValuePatterns() {
    return index.identifierValuePatterns();
  }

  public String idPattern() {
    return index.idPattern();
  }

  /** The most characters a value of the column may have (its own limit, else its type's). */
  public int maxLength(ColumnSpec column) {
    if (column.maxLength() != null) {
      return column.maxLength();
    }
    Integer byType = index.maxLength().get(column.type());
    if (byType == null) {
      throw new IllegalStateException("schemas: no maxLength for type '" + column.type() + "' of " + column.name());
    }
    return byType;
  }

  public DateRange dateRange() {
    return new DateRange(LocalDate.parse(index.dateRange().get("min")), LocalDate.parse(index.dateRange().get("max")));
  }

  /** The one encoding of every extract file. */
  public Charset encoding() {
    return Charset.forName(index.encoding());
  }
}
