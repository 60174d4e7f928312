package hv.cli;

import hv.generate.GenerateOptions;
import hv.generate.Generator;
import hv.ops.Progress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Writes synthetic extracts that follow the contract: a full extract up to the start of the "
        + "last K nights, then one incremental extract per night. The same arguments give the same bytes."})
public final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "inbox folder to write")
  Path out;

  @Option(names = "--caregivers", paramLabel = "N", description = "new caregivers a year (default: 3000)")
  Integer caregivers;

  @Option(names = "--seed", paramLabel = "S", description = "random seed (default: 42)")
  Long seed;

  @Option(names = "--from", paramLabel = "DATE", description = "first day of history (default: --to minus 3 years)")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "last extract date (default: 2026-11-28)")
  LocalDate to;

  @Option(names = "--nightly", paramLabel = "K", description = "incremental nightly extracts after the full one (default: 7)")
  Integer nightly;

  @Option(names = "--faults", paramLabel = "RATE", description = "share of contract-breaking rows mixed in, 0-1 (default: 0)")
  Double faults;

  @Option(names = "--refuse", paramLabel = "KIND",
      description = "break the last extract so it is refused whole: ${COMPLETION-CANDIDATES}")
  GenerateOptions.Refusal refusal;

  @Override
  public Integer call() {
    GenerateOptions d = GenerateOptions.defaults(out);
    LocalDate last = to != null ? to : d.to();
    GenerateOptions options = new GenerateOptions(out,
        caregivers != null ? caregivers : d.caregiversPerYear(),
        seed != null ? seed : d.seed(),
        from != null ? from : (to != null ? last.minusYears(3) : d.from()),
        last,
        nightly != null ? nightly : d.nightly(),
        faults != null ? faults : d.faults(),
        refusal != null ? refusal : d.refusal());
    Progress progress = Progress.stderr();
    Generator.generate(options, line -> progress.say("generate: %s", line));
    return 0;
  }
}
