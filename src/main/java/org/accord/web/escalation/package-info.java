/** The HTTP routes of anomaly alerts (ADR 0155): {@code GET /api/v1/alerts}. */
package org.accord.web.escalation;
