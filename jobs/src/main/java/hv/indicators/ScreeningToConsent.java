package hv.indicators;

import hv.family.Episode;
import hv.family.Family;
import hv.family.IntakeReferral;
import hv.time.Frame;
import hv.time.RunPeriods;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Screening to consent: days from the intake referral's {@code screened_date} to the PC
 * episode's {@code consent_date}; median and share within 14 days, counted in the frames
 * containing the consent. The episode's intake referral is one naming its enrollment_id; of
 * several screened ones, the earliest screening counts.
 */
public final class ScreeningToConsent implements FamilyIndicator {

  @Override
  public List<Fact> facts(Family family, RunPeriods periods) {
    List<Fact> facts = new ArrayList<>();
    for (Episode e : family.primaryCaregiverEpisodes()) {
      LocalDate consent = e.enrollment().consentDate();
      Optional<LocalDate> screened = e.intakeReferrals().stream().map(IntakeReferral::screenedDate)
          .filter(Objects::nonNull).min(Comparator.naturalOrder());
      if (consent == null || screened.isEmpty()) {
        continue;
      }
      for (Frame f : periods.frames()) {
        if (f.days().contains(consent)) {
          facts.addAll(Delay.facts(f, e.programId(), "screening_to_consent", screened.get(), consent));
        }
      }
    }
    return facts;
  }
}
