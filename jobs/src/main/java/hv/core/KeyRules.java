package hv.core;

import hv.contract.ColumnSpec;
import hv.contract.Contract;
import hv.contract.FileSchema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The rules of a row and of its key, in plain Java, over rows sorted by file, extract date, key
 * and line ({@link Conformer#ROW}); each group of one file, extract and key is decided whole:
 * <ul>
 *   <li>a row with the same values as an earlier line of its group is a duplicate (a held
 *       orphan is never one, but an exact copy after it is);
 *   <li>the other rows break the first rule they break: a record that did not split into its
 *       columns, then the row rules ({@link RowRules}), then a key whose rows differ in content
 *       (a conflict: every such row is quarantined).
 * </ul>
 * Each row leaves with its parent references, for the resolution that follows.
 */
final class KeyRules implements MapPartitionsFunction<Row, Row> {

  private final Map<String, RowRules> rules;
  private final Map<String, String> keyColumn = new HashMap<>();
  private final Map<String, int[]> refIndex = new HashMap<>();
  private final Map<String, String[]> refColumn = new HashMap<>();
  private final Map<String, String[]> refParent = new HashMap<>();

  KeyRules(Contract contract) {
    rules = RowRules.of(contract);
    for (FileSchema f : contract.files()) {
      keyColumn.put(f.table(), f.key());
      List<ColumnSpec> refs = f.parentReferences();
      refIndex.put(f.table(), refs.stream().mapToInt(r -> f.columnNames().indexOf(r.name())).toArray());
      refColumn.put(f.table(), refs.stream().map(ColumnSpec::name).toArray(String[]::new));
      refParent.put(f.table(), refs.stream().map(ColumnSpec::parent).toArray(String[]::new));
    }
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      private final List<Row> group = new ArrayList<>();
      private final List<Row> decided = new ArrayList<>();
      private int next;
      private Row pending = rows.hasNext() ? rows.next() : null;

      @Override
      public boolean hasNext() {
        while (next == decided.size() && pending != null) {
          decided.clear();
          next = 0;
          group.clear();
          group.add(pending);
          pending = null;
          while (rows.hasNext()) {
            Row r = rows.next();
            if (sameGroup(group.get(0), r)) {
              group.add(r);
            } else {
              pending = r;
              break;
            }
          }
          decide(group, decided);
        }
        return next < decided.size();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return decided.get(next++);
      }
    };
  }

  private static boolean sameGroup(Row a, Row b) {
    return a.getString(0).equals(b.getString(0)) && a.getDate(1).equals(b.getDate(1))
        && Objects.equals(a.getString(6), b.getString(6));
  }

  private void decide(List<Row> group, List<Row> out) {
    String table = group.get(0).getString(0);
    int n = group.size();
    String[][] values = new String[n][];
    boolean[] duplicate = new boolean[n];
    List<String[]> firstCopies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values[i] = strings(group.get(i).getSeq(5));
      boolean copyOfEarlier = false;
      for (int k = 0; k < i && !copyOfEarlier; k++) {
        copyOfEarlier = Arrays.equals(values[k], values[i]);
      }
      duplicate[i] = copyOfEarlier && !group.get(i).getBoolean(4);
      String[] these = values[i];
      if (!duplicate[i] && firstCopies.stream().noneMatch(v -> Arrays.equals(v, these))) {
        firstCopies.add(these);
      }
    }
    boolean conflict = group.get(0).getString(6) != null && firstCopies.size() > 1;
    RowRules rowRules = rules.get(table);
    for (int i = 0; i < n; i++) {
      Row r = group.get(i);
      String reason = null;
      if (!duplicate[i]) {
        LocalDate extractDate = r.getDate(1).toLocalDate();
        reason = r.getString(3) != null ? "MALFORMED_RECORD" : rowRules.reason(values[i], extractDate);
        if (reason == null && conflict) {
          reason = "DUPLICATE_KEY_CONFLICT:" + keyColumn.get(table);
        }
      }
      out.add(RowFactory.create(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6),
          duplicate[i], reason, refs(table, values[i], refColumn), refs(table, values[i], refParent),
          refs(table, values[i], null)));
    }
  }

  /** Per non-empty parent reference of the row, in column order: its column, parent or key. */
  private Seq<String> refs(String table, String[] values, Map<String, String[]> of) {
    int[] index = refIndex.get(table);
    List<String> out = new ArrayList<>(index.length);
    for (int k = 0; k < index.length; k++) {
      if (values[index[k]] != null) {
        out.add(of == null ? values[index[k]] : of.get(table)[k]);
      }
    }
    return JavaConverters.asScalaBuffer(out).toSeq();
  }

  private static String[] strings(Seq<String> seq) {
    return JavaConverters.seqAsJavaList(seq).toArray(new String[0]);
  }
}
