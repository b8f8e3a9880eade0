package org.accord.triage;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse-and-score cost per vector, and one SSVC lookup. Run with
 * {@code mvn -q test-compile exec:exec -Pjmh -Djmh.args="CvssBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CvssBenchmark {

  String v31Base = "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:L/A:N";
  String v31Environmental = "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:L/A:N/E:P/RL:O/RC:R/CR:H/MAV:A/MS:U/MC:L";
  String v40Base = "CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:P/VC:H/VI:L/VA:N/SC:L/SI:N/SA:L";
  String v40Full = "CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:A/VC:H/VI:H/VA:L/SC:L/SI:L/SA:N/E:P/CR:M/IR:H/AR:L/MAV:A/MSI:S";
  SsvcTable deployer = SsvcTable.builtin("deployer");
  Map<String, String> inputs =
      Map.of("exploitation", "active", "system-exposure", "open", "automatable", "yes", "human-impact", "high");

  @Benchmark
  public CvssScore cvss31Base() {
    return Cvss.parse(v31Base);
  }

  @Benchmark
  public CvssScore cvss31Environmental() {
    return Cvss.parse(v31Environmental);
  }

  @Benchmark
  public CvssScore cvss40Base() {
    return Cvss.parse(v40Base);
  }

  @Benchmark
  public CvssScore cvss40Full() {
    return Cvss.parse(v40Full);
  }

  @Benchmark
  public SsvcDecision ssvcDeployer() {
    return deployer.decide(inputs);
  }
}
