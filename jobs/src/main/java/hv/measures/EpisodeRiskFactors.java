package hv.measures;

import hv.family.Episode;
import java.util.ArrayList;
import java.util.List;

/**
 * The family characteristics the comparison's risk model adjusts for (measures.md
 * "Cross-provider comparison") of one episode, in plain Java: its {@link EpisodeStrata} plus
 * pregnant at enrollment and housing at enrollment, each never empty (an unknown value is the
 * level {@link EpisodeStrata#UNKNOWN}).
 *
 * <p>{@code pregnant_at_enrollment} is a required column, and the family reads it as N when
 * empty ({@link hv.family.CoreRows}), so its level is Y or N.
 */
public record EpisodeRiskFactors(EpisodeStrata strata, String pregnantAtEnrollment, String housing) {

  /** The factors, named as in the tables, in the order of {@link #values}. */
  public static final List<String> NAMES = names();

  public static EpisodeRiskFactors of(Episode e) {
    String housing = e.enrollment().housingAtEnrollment();
    return new EpisodeRiskFactors(EpisodeStrata.of(e), EpisodeStrata.yesNo(e.enrollment().pregnantAtEnrollment()),
        housing == null ? EpisodeStrata.UNKNOWN : housing);
  }

  /** The levels in the order of {@link #NAMES}. */
  public List<String> values() {
    List<String> values = new ArrayList<>(strata.values());
    values.add(pregnantAtEnrollment);
    values.add(housing);
    return List.copyOf(values);
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>(EpisodeStrata.DIMENSIONS);
    names.add("pregnant_at_enrollment");
    names.add("housing");
    return List.copyOf(names);
  }
}
