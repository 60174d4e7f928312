package hv.measures;

import hv.family.Family;
import hv.time.RunPeriods;
import java.io.Serializable;
import java.util.List;

/**
 * One performance measure or rate card outcome as a plain-Java rule over one family: the
 * family's units in every period of the run (FFY for the measures, SFY for the rate card). No
 * Spark type inside; Serializable only so that the family pass can ship it to where the
 * families are.
 */
public interface Measure extends Serializable {

  /** {@code PM01} … {@code PM19}, {@code RC1} … {@code RC4}; its facts (name, unit type, …) are {@link MeasureFacts#of}. */
  String code();

  List<Unit> units(Family family, RunPeriods periods);
}
