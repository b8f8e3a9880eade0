package org.accord.exercise;

/**
 * What the humans of a live tabletop did (ADR 0158), as days since the exercise began: the disclosure
 * timeline they produced, which {@link Simulator#played} runs in place of a strategy's, so that their
 * outcome is measured exactly as the strategies' are.
 *
 * <p>A day that did not happen is {@link Double#POSITIVE_INFINITY}. {@code exploit} and {@code attacks}
 * are the days X and A arrived (by an inject, or a participant's fact); when infinite the run draws them
 * as a strategy's run would (after publication or leak). Immutable.
 *
 * @param acknowledged V: the first acknowledgement by a participant
 * @param fixReady F: the first status saying a fix exists
 * @param published P: publication
 * @param exploit X, or infinity to draw it
 * @param attacks A, or infinity to draw it
 * @param vendorsTold when vendors were first told (invited to the case); infinity: at publication
 * @param operatorsTold when operators were first told; infinity: at publication
 */
public record Played(double acknowledged, double fixReady, double published, double exploit, double attacks,
    double vendorsTold, double operatorsTold) {

  public Played {
    for (double day : new double[] {acknowledged, fixReady, published, exploit, attacks, vendorsTold, operatorsTold}) {
      if (Double.isNaN(day) || day < 0) {
        throw new IllegalArgumentException("a played day must be a number of days, at least 0: " + day);
      }
    }
  }
}
