/**
 * Exercises at the edge (ADR 0158): simulations posted to the instance, and live tabletops run in a
 * sandbox, a second {@link org.accord.app.Accord} with its own data directory, store, log key and clock.
 */
package org.accord.app.exercise;
