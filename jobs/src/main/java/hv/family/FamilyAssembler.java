package hv.family;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import hv.contract.ColumnSpec;
import hv.contract.Contract;
import hv.core.CoreTables;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Row;

/**
 * The family pass's Spark part: each core table a family holds scanned once, every row tagged
 * with its family's key (the owning caregiver_id, see {@link FamilyTable}; episodes and children
 * find theirs through a broadcast lookup, no shuffle), the tables' rows unioned as one struct
 * column per table, and one shuffle by key that hands each family's rows to a plain-Java
 * function. The families themselves are never encoded: they live inside the one
 * {@code mapPartitions}, and only rows cross the shuffle, in Spark's own row format.
 */
public final class FamilyAssembler {

  /** The family key column of the tagged rows: the caregiver_id. */
  public static final String KEY = "_family";
  private static final String OWNER = "_owner";


  private FamilyAssembler() {}

  /**
   * What a pass does with the families of one partition: any number of results per family, then
   * any number once the partition's last family is done (sums over its families, so that what
   * only rolls up leaves the pass summed, not row by row).
   */
  public interface PartitionPass<T> {
    List<T> apply(Family family);

    List<T> finish();
  }

  /** Makes each partition its own {@link PartitionPass}: on an executor, once per partition. */
  public interface PartitionPasses<T> extends Serializable {
    PartitionPass<T> start();
  }

  /**
   * Every partition's results, in one pass over the families: one shuffle by family key, each
   * partition's rows sorted by it, so that a family's rows arrive together (the plan of a
   * {@code groupByKey}'s {@code flatMapGroups}, with the partition's end in reach).
   */
  public static <T> Dataset<T> mapPartitions(CoreTables core, PartitionPasses<T> passes, Encoder<T> encoder) {
    Dataset<Row> tagged = taggedRows(core);
    FamilyTable[] tableOfColumn = Arrays.stream(tagged.columns())
        .map(c -> c.equals(KEY) ? null : table(c)).toArray(FamilyTable[]::new);
    return tagged.repartition(col(KEY)).sortWithinPartitions(KEY)
        .mapPartitions((MapPartitionsFunction<Row, T>) rows -> new Results<>(rows, tableOfColumn, passes.start()),
            encoder);
  }

  /** A partition's results, computed a family at a time as they are read. */
  private static final class Results<T> implements Iterator<T> {
    private final Iterator<Row> rows;
    private final FamilyTable[] tableOfColumn;
    private final PartitionPass<T> pass;
    private Row next;
    private Iterator<T> current = Collections.emptyIterator();
    private boolean finished;

    Results(Iterator<Row> rows, FamilyTable[] tableOfColumn, PartitionPass<T> pass) {
      this.rows = rows;
      this.tableOfColumn = tableOfColumn;
      this.pass = pass;
      this.next = rows.hasNext() ? rows.next() : null;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        if (next != null) {
          current = pass.apply(nextFamily()).iterator();
        } else if (!finished) {
          finished = true;
          current = pass.finish().iterator();
        } else {
          return false;
        }
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }

    /** The rows up to the next family key, as one family. */
    private Family nextFamily() {
      String key = next.getString(0);
      FamilyBuilder family = new FamilyBuilder();
      while (next != null && Objects.equals(key, next.getString(0))) {
        for (int i = 1; i < next.size(); i++) {
          if (!next.isNullAt(i)) {
            family.add(tableOfColumn[i], next.getStruct(i));
          }
        }
        next = rows.hasNext() ? rows.next() : null;
      }
      return family.build();
    }
  }

  /** {@code _family} and one struct column per table, set on the rows of that table. */
  static Dataset<Row> taggedRows(CoreTables core) {
    Dataset<Row> episodes = core.enrollments().select(col("enrollment_id"), col("caregiver_id"));
    Dataset<Row> owners = broadcast(episodes
        .select(concat(lit(FamilyTable.EPISODE_KEY), col("enrollment_id")).as(OWNER), col("caregiver_id").as(KEY))
        .unionByName(core.children().join(broadcast(episodes), "enrollment_id")
            .select(concat(lit(FamilyTable.CHILD_KEY), col("child_id")).as(OWNER), col("caregiver_id").as(KEY))));
    Dataset<Row> all = null;
    for (FamilyTable t : FamilyTable.values()) {
      Dataset<Row> rows = core.table(t.table());
      Column record = struct(Contract.get().file(t.table()).columns().stream()
          .map(ColumnSpec::name).map(org.apache.spark.sql.functions::col).toArray(Column[]::new)).as(t.table());
      Dataset<Row> tagged = switch (t.owner()) {
        case CAREGIVER -> rows.select(col("caregiver_id").as(KEY), record);
        case EPISODE -> rows.join(owners, col(OWNER).equalTo(episodeKey())).select(col(KEY), record);
        case CHILD_OR_EPISODE -> rows.join(owners, col(OWNER).equalTo(
                when(col("child_id").isNull(), episodeKey())
                    .otherwise(concat(lit(FamilyTable.CHILD_KEY), col("child_id")))))
            .select(col(KEY), record);
      };
      all = all == null ? tagged : all.unionByName(tagged, true);
    }
    return all;
  }

  /** A row's owner key through its episode (names unqualified: the owner lookup holds only its own two columns). */
  private static Column episodeKey() {
    return concat(lit(FamilyTable.EPISODE_KEY), col("enrollment_id"));
  }

  private static FamilyTable table(String name) {
    return Arrays.stream(FamilyTable.values()).filter(t -> t.table().equals(name)).findFirst().orElseThrow();
  }
}
