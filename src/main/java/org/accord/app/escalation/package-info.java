/**
 * Graduated escalation and anomaly alerts (issue 12 items 5 and 6, ADR 0155): the sweeps that move a
 * missed or near deadline up its ladder and raise alerts, each step and alert one case event staged
 * with its row, and the alerts a caller may read.
 */
package org.accord.app.escalation;
