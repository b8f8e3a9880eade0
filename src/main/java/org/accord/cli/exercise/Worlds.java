package org.accord.cli.exercise;

import org.accord.exercise.Scenario;
import org.accord.exposure.ExposureGraph;
import org.accord.synthetic.SyntheticWorld;
import org.accord.synthetic.WorldGraph;

/** The graph a scenario's world names: a generated world built in memory, or the store's. */
final class Worlds {
  private Worlds() {}

  /** The spec of a generated world; generated worlds always have LibraCore planted. */
  static SyntheticWorld.Spec spec(Scenario.World.Generated generated) {
    if (generated.demo()) {
      return SyntheticWorld.Spec.demo();
    }
    return SyntheticWorld.Spec.scaled(generated.versions(), generated.edges(), generated.deployments(), generated.seed()).withLibraCore();
  }

  /** The graph of a generated world. */
  static ExposureGraph generated(Scenario.World.Generated generated) {
    return WorldGraph.of(SyntheticWorld.generate(spec(generated)));
  }
}
