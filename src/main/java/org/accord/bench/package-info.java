/**
 * The {@code accord bench} measurements: each one runs the real code path on generated data and an
 * in-run baseline, so that figures come with a ratio that survives a noisy shared machine.
 */
package org.accord.bench;
