/**
 * Exercise mode: a disclosure crisis as data ({@link org.accord.exercise.Scenario}, read and checked by
 * {@link org.accord.exercise.ScenarioReader}) and a discrete-event Monte-Carlo {@link
 * org.accord.exercise.Simulator} over the real exposure graph that compares notification strategies
 * (issue 14; ADR 0148, 0149).
 *
 * <p>Plain Java with Jackson, no SQL, HTTP or command-line code: the edges hand it a graph and a file's
 * bytes, and write its {@link org.accord.exercise.Report} where they like.
 */
package org.accord.exercise;
