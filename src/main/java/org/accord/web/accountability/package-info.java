/** The HTTP routes of commitments (ADR 0140, 0141): {@code /api/v1/commitments} and a case's commitments. */
package org.accord.web.accountability;
