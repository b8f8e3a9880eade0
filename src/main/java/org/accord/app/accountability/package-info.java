/**
 * Commitments as a service (ADR 0140, 0141): publishing, superseding and joining, each with its ledger
 * event in the same transaction, and the deadlines commitments set in a case. Orchestration only; the
 * rules are {@code accountability.commitment}'s.
 */
package org.accord.app.accountability;
