package hv.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One extract file: its columns (the file's own plus the common {@code updated_at} and
 * {@code deleted}), key, date-order rules, and for assessments the value rule per item.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileSchema(String table, String key, List<ColumnSpec> columns,
                         List<List<String>> dateOrder, Map<String, ColumnSpec> itemValues) {

  public String fileName() {
    return table + ".csv";
  }

  public Optional<ColumnSpec> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  public List<String> requiredColumns() {
    return columns.stream().filter(ColumnSpec::required).map(ColumnSpec::name).toList();
  }

  public List<ColumnSpec> parentReferences() {
    return columns.stream().filter(c -> c.parent() != null).toList();
  }

  FileSchema withCommonColumns(List<ColumnSpec> common) {
    List<ColumnSpec> all = new ArrayList<>(columns);
    all.addAll(common);
    return new FileSchema(table, key, List.copyOf(all),
        dateOrder == null ? List.of() : dateOrder, itemValues == null ? Map.of() : itemValues);
  }
}
