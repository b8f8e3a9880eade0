/**
 * Commitments (ADR 0140, 0141): pledges an organization publishes ahead of any crisis, and arrangements a
 * foundation or sector body publishes for others to join. Plain Java: the document is read and checked
 * here ({@link org.accord.accountability.commitment.PledgeDocument}), who may publish, supersede and
 * join is decided here ({@link org.accord.accountability.commitment.CommitmentRules}), and a case's
 * deadlines under the pledges that bind its participants are computed here from the case's events
 * ({@link org.accord.accountability.commitment.CommitmentDeadlines}). No SQL, HTTP or command line.
 */
package org.accord.accountability.commitment;
