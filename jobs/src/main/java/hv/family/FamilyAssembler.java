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
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The family pass's Spark part: each core table a family holds scanned once, every row tagged
 * with its family's key (the owning caregiver_id, see {@link FamilyTable}; episodes and children
 * find theirs through a broadcast lookup, no shuffle), the tables' rows unioned as one struct
 * column per table, and one shuffle by key that hands each family's rows to a plain-Java
 * function. The families themselves are never encoded: they live inside the one
 * {@code flatMapGroups}, and only rows cross the shuffle, in Spark's own row format.
 */
public final class FamilyAssembler {

  /** The family key column of the tagged rows: the caregiver_id. */
  public static final String KEY = "_family";
  private static final String OWNER = "_owner";


  private FamilyAssembler() {}

  /** What a pass does with one family: any number of results. */
  public interface PerFamily<T> extends Serializable {
    List<T> apply(Family family);
  }

  /** Every family's results, in one pass over the families (one shuffle). */
  public static <T> Dataset<T> flatMap(CoreTables core, PerFamily<T> perFamily, Encoder<T> encoder) {
    Dataset<Row> tagged = taggedRows(core);
    FamilyTable[] tableOfColumn = Arrays.stream(tagged.columns())
        .map(c -> c.equals(KEY) ? null : table(c)).toArray(FamilyTable[]::new);
    return tagged
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, T>) (key, rows) -> {
          FamilyBuilder family = new FamilyBuilder();
          while (rows.hasNext()) {
            Row r = rows.next();
            for (int i = 1; i < r.size(); i++) {
              if (!r.isNullAt(i)) {
                family.add(tableOfColumn[i], r.getStruct(i));
              }
            }
          }
          return perFamily.apply(family.build()).iterator();
        }, encoder);
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
