package hv.marts;

import hv.core.CoreTables;
import hv.family.FamilyAssembler;
import hv.marts.common.Units;
import hv.measures.Measure;
import hv.measures.Unit;
import hv.time.RunPeriods;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The new path's units: the families assembled once ({@link FamilyAssembler}) and every given
 * plain-Java measure evaluated on each in one {@code flatMap}, as rows of {@link Units#SCHEMA}.
 */
public final class FamilyPass {

  private FamilyPass() {}

  public static Dataset<Row> units(CoreTables core, RunPeriods periods, List<Measure> measures) {
    return FamilyAssembler.flatMap(core, family -> {
      List<Row> rows = new ArrayList<>();
      for (Measure m : measures) {
        m.units(family, periods).forEach(u -> rows.add(row(u)));
      }
      return rows;
    }, Encoders.row(Units.SCHEMA));
  }

  /** A unit as a row of {@link Units#SCHEMA}. */
  static Row row(Unit u) {
    return RowFactory.create(u.period(), u.measureCode(), u.unitType().name(), u.enrollmentId(), u.childId(),
        u.visitId(), u.programId(), u.inDenominator(), u.numerator(), u.missing(), date(u.windowStart()),
        date(u.windowEnd()), date(u.evidenceDate()), u.evidenceId(), u.note());
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
