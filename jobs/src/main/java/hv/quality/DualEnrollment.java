package hv.quality;

import hv.family.Episode;
import hv.family.Family;
import hv.time.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Dual enrollment: a caregiver with two episodes in different programs that are both enrolled
 * on some day (on or before the as-of date; any caregiver role). Each program lists its own
 * episode: item {@code caregiver_id:enrollment_id}, date = the first day it shares with
 * another program's episode.
 */
public final class DualEnrollment implements FamilyCheck {

  public static final String CHECK = "DUAL_ENROLLMENT";

  @Override
  public List<Item> items(Family family, LocalDate asOf) {
    List<Item> items = new ArrayList<>();
    for (Episode e : family.episodes()) {
      LocalDate firstShared = null;
      for (Episode other : family.episodes()) {
        Span shared = e.enrolled().clip(other.enrolled()).endingBy(asOf);
        if (!other.programId().equals(e.programId()) && !shared.isEmpty()
            && (firstShared == null || shared.start().isBefore(firstShared))) {
          firstShared = shared.start();
        }
      }
      if (firstShared != null) {
        items.add(new Item(e.programId(), CHECK, null,
            e.enrollment().caregiverId() + ":" + e.enrollmentId(), firstShared));
      }
    }
    return items;
  }
}
