/**
 * The SQL of graduated escalation and anomaly alerts (ADR 0155): the steps deadlines took, one row per
 * (case, deadline, level), and the alerts raised, one row per (case, kind, subject).
 */
package org.accord.store.escalation;
