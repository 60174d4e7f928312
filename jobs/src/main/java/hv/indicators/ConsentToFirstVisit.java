package hv.indicators;

import hv.family.Episode;
import hv.family.Family;
import hv.time.Frame;
import hv.time.RunPeriods;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Consent to first visit: days from the PC episode's {@code consent_date} to its
 * {@code enrollment_date} (the first home visit); median and share within 14 days, counted in
 * the frames containing the enrollment.
 */
public final class ConsentToFirstVisit implements FamilyIndicator {

  @Override
  public List<Fact> facts(Family family, RunPeriods periods) {
    List<Fact> facts = new ArrayList<>();
    for (Episode e : family.primaryCaregiverEpisodes()) {
      LocalDate consent = e.enrollment().consentDate();
      LocalDate firstVisit = e.enrollment().enrollmentDate();
      if (consent == null) {
        continue;
      }
      for (Frame f : periods.frames()) {
        if (f.days().contains(firstVisit)) {
          facts.addAll(Delay.facts(f, e.programId(), "consent_to_first_visit", consent, firstVisit));
        }
      }
    }
    return facts;
  }
}
