package hv.core;

import hv.contract.Contract;
import hv.contract.FileSchema;
import hv.raw.RawReader;
import java.sql.Date;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The version of each key a batch offers to core, over accepted and released rows sorted by
 * file and key: the latest {@code updated_at} (as an instant, to the microsecond), then the
 * later extract, then the later line; with the earliest extract date from which any of the
 * key's versions had its parents known.
 */
final class LatestVersions implements MapPartitionsFunction<Row, Row> {

  static final StructType LATEST = new StructType()
      .add(RawReader.FILE, DataTypes.StringType)
      .add(RawReader.EXTRACT_DATE, DataTypes.DateType)
      .add(RawReader.LINE, DataTypes.LongType)
      .add(Conformer.VALUES, DataTypes.createArrayType(DataTypes.StringType))
      .add(CoreSchema.FIRST_EXTRACT_DATE, DataTypes.DateType);

  private final Map<String, Integer> updatedAt = new HashMap<>();

  LatestVersions(Contract contract) {
    for (FileSchema f : contract.files()) {
      updatedAt.put(f.table(), f.columnNames().indexOf("updated_at"));
    }
  }

  /** Rows in: file, key, extract date, line, values, effective date. */
  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      private Row pending = rows.hasNext() ? rows.next() : null;

      @Override
      public boolean hasNext() {
        return pending != null;
      }

      @Override
      public Row next() {
        if (pending == null) {
          throw new NoSuchElementException();
        }
        Row best = pending;
        Instant bestAt = updatedAt(best);
        Date first = best.getDate(5);
        pending = null;
        while (rows.hasNext()) {
          Row r = rows.next();
          if (!r.getString(0).equals(best.getString(0)) || !r.getString(1).equals(best.getString(1))) {
            pending = r;
            break;
          }
          Instant at = updatedAt(r);
          int c = at.compareTo(bestAt);
          if (c == 0) {
            c = r.getDate(2).compareTo(best.getDate(2));
          }
          if (c == 0) {
            c = Long.compare(r.getLong(3), best.getLong(3));
          }
          if (c > 0) {
            best = r;
            bestAt = at;
          }
          if (r.getDate(5).before(first)) {
            first = r.getDate(5);
          }
        }
        return RowFactory.create(best.get(0), best.get(2), best.get(3), best.get(4), first);
      }
    };
  }

  private Instant updatedAt(Row r) {
    return RowRules.instant(r.<String>getList(4).get(updatedAt.get(r.getString(0))));
  }
}
