/**
 * Accountability: what parties promised and what the log shows they did. Plain Java with no SQL, HTTP
 * or command-line code; everything here is computable from the public log and the revealed case
 * bundles (ADR 0109), so that an auditor can recompute it offline.
 *
 * <p>{@link org.accord.accountability.indicators} computes the indicators of ADR 0142 (intervals,
 * the twelve Vultron orderings with skill, embargo adherence, notification before publication) and
 * checks published figures against the files they came from.
 */
package org.accord.accountability;
