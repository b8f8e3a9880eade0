package org.accord.exercise;

import java.util.Map;
import java.util.Objects;

/**
 * How the actors behave, as delay distributions and factors. The shipped defaults
 * ({@code org/accord/exercise/defaults.yaml}) cite a published source for each; a scenario overrides any
 * of them under {@code behaviour}.
 *
 * @param acknowledge report received to the maintainer's acknowledgement
 * @param fix acknowledgement to a fix ready at the maintainer
 * @param release a dependent package's (or product's) release, after its dependency released and it was told; per hop
 * @param exploit publication or leak to a public exploit
 * @param attacks public exploit to attacks observed (the flaw goes into KEV)
 * @param relay a foundation relaying a notification into a sanctioned country
 * @param deployEssential an operator deploying the fixed product: essential deployments
 * @param deployImportant important deployments
 * @param deployOther other deployments
 * @param exploitFactor multiplies a deployment delay that starts once an exploit is public
 * @param kevFactor multiplies a deployment delay that starts once attacks are observed (in KEV)
 * @param sectorFactors multiplies the deployment delay per sector; a sector not named has 1
 */
public record Behaviour(
    Lag acknowledge, Lag fix, Lag release, Lag exploit, Lag attacks, Lag relay, Lag deployEssential, Lag deployImportant,
    Lag deployOther, double exploitFactor, double kevFactor, Map<String, Double> sectorFactors) {
  public Behaviour {
    Objects.requireNonNull(acknowledge, "acknowledge");
    Objects.requireNonNull(fix, "fix");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(exploit, "exploit");
    Objects.requireNonNull(attacks, "attacks");
    Objects.requireNonNull(relay, "relay");
    Objects.requireNonNull(deployEssential, "deployEssential");
    Objects.requireNonNull(deployImportant, "deployImportant");
    Objects.requireNonNull(deployOther, "deployOther");
    sectorFactors = Map.copyOf(sectorFactors);
  }

  /** The deployment delay of a criticality: 0 essential, 1 important, 2 other. */
  Lag deploy(int criticality) {
    return switch (criticality) {
      case 0 -> deployEssential;
      case 1 -> deployImportant;
      default -> deployOther;
    };
  }
}
