package hv.quality;

import hv.family.Family;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** A data quality check of one family's records as of a date: the items it lists. */
public interface FamilyCheck extends Serializable {

  List<Item> items(Family family, LocalDate asOf);
}
