package hv.quality;

import hv.family.Episode;
import hv.family.Family;
import hv.family.HomeVisit;
import hv.time.Dates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Late data entry: visits dated in the 12 months up to the as-of date (after as-of − 12
 * months, up to it) entered after the 15th of the month after {@code visit_date}; every
 * episode's visits. Item = the visit_id, date = the visit date.
 */
public final class LateDataEntry implements FamilyCheck {

  public static final String CHECK = "LATE_DATA_ENTRY";

  @Override
  public List<Item> items(Family family, LocalDate asOf) {
    LocalDate yearBefore = Dates.plusMonths(asOf, -12);
    List<Item> items = new ArrayList<>();
    for (Episode e : family.episodes()) {
      for (HomeVisit v : e.visits()) {
        if (v.visitDate().isAfter(yearBefore) && !v.visitDate().isAfter(asOf) && v.enteredLate()) {
          items.add(new Item(e.programId(), CHECK, null, v.visitId(), v.visitDate()));
        }
      }
    }
    return items;
  }
}
