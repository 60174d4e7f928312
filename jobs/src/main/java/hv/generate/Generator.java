package hv.generate;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a synthetic inbox that follows the extract contract: programs and staff, then household
 * after household in order of enrollment, each simulated from its own random stream and streamed
 * to the extract files straight away (nothing accumulates across households). Same options, same
 * bytes.
 */
public final class Generator {

  private Generator() {}

  public static Summary generate(GenerateOptions options, Consumer<String> progress) {
    Dice master = new Dice(options.seed());
    Ids ids = new Ids();
    ExtractWriter writer = new ExtractWriter(options, master.split());
    List<Program> programs = new ProgramBuilder(options, master.split(), ids).build(writer::route);
    progress.accept(programs.size() + " programs with their staff");

    HouseholdSimulator households = new HouseholdSimulator(programs, new FamilyBuilder(ids), options.to());
    long[] arrivals = arrivals(options, programs, master.split());
    Dice householdStreams = master.split();
    for (int i = 0; i < arrivals.length; i++) {
      Sink sink = new Sink(ids, householdStreams.split());
      households.simulate(programs.get((int) (arrivals[i] % 10_000)), LocalDate.ofEpochDay(arrivals[i] / 10_000), sink);
      sink.records.forEach(writer::route);
      if ((i + 1) % Math.max(1, arrivals.length / 10) == 0) {
        progress.accept(String.format("%d of %d households", i + 1, arrivals.length));
      }
    }
    Summary summary = new Summary(writer.dates(), writer.finish(), new EnumMap<>(writer.faultCounts()));
    progress.accept(summary.extracts().size() + " extracts written to " + options.out());
    return summary;
  }

  /**
   * Enrollment dates of all households, each program getting its share of the state's volume,
   * sorted by date then program; encoded as {@code epochDay * 10000 + program index}.
   */
  private static long[] arrivals(GenerateOptions options, List<Program> programs, Dice dice) {
    double totalWeight = programs.stream().mapToDouble(p -> p.weight).sum();
    int days = (int) (options.to().toEpochDay() - options.from().toEpochDay());
    double years = days / 365.25;
    long[][] perProgram = new long[programs.size()][];
    for (Program p : programs) {
      int n = (int) Math.round(options.caregiversPerYear() * years * p.weight / totalWeight);
      long[] mine = new long[n];
      for (int j = 0; j < n; j++) {
        LocalDate day = Dice.weekday(options.from().plusDays(dice.between(0, days)));
        mine[j] = (day.isAfter(options.to()) ? options.to() : day).toEpochDay() * 10_000 + p.index;
      }
      perProgram[p.index] = mine;
    }
    long[] all = Arrays.stream(perProgram).flatMapToLong(Arrays::stream).toArray();
    Arrays.sort(all);
    return all;
  }
}
