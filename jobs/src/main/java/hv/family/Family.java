package hv.family;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A caregiver with all of their episodes, the episodes' children, visits and intake
 * referrals, and every row that can count for one of them: the caregiver rows of each episode
 * and the rows of each child (measures.md "caregiver rows"). Everything a unit rule reads, in plain Java; built
 * once per night by {@link FamilyAssembler} (or {@link Families#inMemory} without Spark).
 *
 * <p>A child's row belongs to the family of its child, whatever its enrollment_id says (the
 * contract does not check that they agree; a child's rows are those that carry its child_id).
 */
public final class Family {

  private final Caregiver caregiver;
  private final List<Episode> episodes;
  private final Map<String, Rows> childRows;

  private Family(Caregiver caregiver, List<Episode> episodes, Map<String, Rows> childRows) {
    this.caregiver = caregiver;
    this.episodes = episodes;
    this.childRows = childRows;
  }

  /** The family of one caregiver from its rows (any order; rows of other families must not be given). */
  public static Family of(Caregiver caregiver, Collection<Enrollment> enrollments, Collection<Child> children,
                          Collection<HomeVisit> visits, Collection<Screening> screenings,
                          Collection<ServiceReferral> referrals, Collection<HealthEvent> events,
                          Collection<Answer> answers, Collection<IntakeReferral> intakeReferrals) {
    List<Answer> standing = standing(answers);
    Map<String, Rows> caregiverRows = rowsBy(CountableRow::enrollmentId, true, screenings, referrals, events, standing);
    Map<String, Rows> childRows = rowsBy(CountableRow::childId, false, screenings, referrals, events, standing);
    Map<String, List<Child>> childrenOf = children.stream()
        .sorted(Comparator.comparing(Child::childId))
        .collect(Collectors.groupingBy(Child::enrollmentId));
    Map<String, List<HomeVisit>> visitsOf = visits.stream()
        .sorted(Comparator.comparing(HomeVisit::visitDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(HomeVisit::visitId))
        .collect(Collectors.groupingBy(HomeVisit::enrollmentId));
    Map<String, List<IntakeReferral>> intakeOf = intakeReferrals.stream()
        .sorted(Comparator.comparing(IntakeReferral::intakeId))
        .collect(Collectors.groupingBy(IntakeReferral::enrollmentId));
    List<Episode> episodes = enrollments.stream()
        .sorted(Comparator.comparing(Enrollment::enrollmentId))
        .map(e -> new Episode(e, caregiver, childrenOf.getOrDefault(e.enrollmentId(), List.of()),
            visitsOf.getOrDefault(e.enrollmentId(), List.of()), caregiverRows.getOrDefault(e.enrollmentId(), Rows.NONE),
            intakeOf.getOrDefault(e.enrollmentId(), List.of())))
        .toList();
    return new Family(caregiver, episodes, childRows);
  }

  public Caregiver caregiver() {
    return caregiver;
  }

  /** Every episode of the caregiver, by enrollment_id. */
  public List<Episode> episodes() {
    return episodes;
  }

  /** PC episodes only: the federal measures' units come from these. */
  public List<Episode> primaryCaregiverEpisodes() {
    return episodes.stream().filter(Episode::isPrimaryCaregiver).toList();
  }

  /** A child's rows: those carrying its child_id. */
  public Rows rowsOf(Child child) {
    return childRows.getOrDefault(child.childId(), Rows.NONE);
  }

  /**
   * Answers that stand: of one item answered twice on one day with the same enrollment_id
   * and child_id, only the greatest assessment_id (character order) counts.
   */
  private static List<Answer> standing(Collection<Answer> answers) {
    Map<List<Object>, Answer> byDay = new HashMap<>();
    for (Answer a : answers) {
      byDay.merge(java.util.Arrays.asList(a.enrollmentId(), a.childId(), a.item(), a.assessmentDate()), a,
          (x, y) -> x.assessmentId().compareTo(y.assessmentId()) >= 0 ? x : y);
    }
    return new ArrayList<>(byDay.values());
  }

  /** Caregiver rows by enrollment_id, or child rows by child_id; each list in {@link CountableRow#ORDER}. */
  private static Map<String, Rows> rowsBy(Function<CountableRow, String> owner, boolean caregiverRows,
                                          Collection<Screening> screenings, Collection<ServiceReferral> referrals,
                                          Collection<HealthEvent> events, Collection<Answer> answers) {
    Map<String, List<Screening>> byS = group(screenings, owner, caregiverRows);
    Map<String, List<ServiceReferral>> byR = group(referrals, owner, caregiverRows);
    Map<String, List<HealthEvent>> byH = group(events, owner, caregiverRows);
    Map<String, List<Answer>> byA = group(answers, owner, caregiverRows);
    Map<String, Rows> rows = new LinkedHashMap<>();
    for (String o : union(byS.keySet(), byR.keySet(), byH.keySet(), byA.keySet())) {
      rows.put(o, new Rows(byS.getOrDefault(o, List.of()), byR.getOrDefault(o, List.of()),
          byH.getOrDefault(o, List.of()), byA.getOrDefault(o, List.of())));
    }
    return rows;
  }

  private static <T extends CountableRow> Map<String, List<T>> group(Collection<T> rows,
                                                                     Function<CountableRow, String> owner,
                                                                     boolean caregiverRows) {
    return rows.stream()
        .filter(t -> (t.childId() == null) == caregiverRows && owner.apply(t) != null)
        .sorted(CountableRow.ORDER)
        .collect(Collectors.groupingBy(owner::apply, LinkedHashMap::new, Collectors.toList()));
  }

  @SafeVarargs
  private static List<String> union(Collection<String>... keys) {
    return java.util.Arrays.stream(keys).flatMap(Collection::stream).distinct().filter(Objects::nonNull).toList();
  }
}
