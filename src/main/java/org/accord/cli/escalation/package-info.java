/** The command line of anomaly alerts (ADR 0155): {@code accord alerts}. */
package org.accord.cli.escalation;
