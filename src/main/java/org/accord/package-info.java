/**
 * Accord: coordinated vulnerability disclosure over the real dependency graph.
 *
 * <p>The base package holds only the exceptions every layer shares: {@link
 * org.accord.InvalidInputException} for refused input, {@link org.accord.NotFoundException} for
 * unknown (or invisible) things, and {@link org.accord.EnvironmentException} for a setup the user
 * must fix (data directory in use, database unreachable, bad environment variable). Anything else
 * that escapes to an edge is a bug, and is reported as one. Each concept lives in its own package; see {@code docs/architecture.md}.
 */
package org.accord;
