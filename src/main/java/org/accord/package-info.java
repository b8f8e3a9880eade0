/**
 * Accord: coordinated vulnerability disclosure over the real dependency graph.
 *
 * <p>The base package holds only the two exceptions every layer shares: {@link
 * org.accord.InvalidInputException} for refused input and {@link org.accord.NotFoundException} for
 * unknown (or invisible) things. Each concept lives in its own package; see {@code ARCHITECTURE.md}.
 */
package org.accord;
