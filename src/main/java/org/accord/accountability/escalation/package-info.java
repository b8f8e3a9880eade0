/**
 * Graduated escalation (issue 12 item 5, ADR 0155): the ladder a missed or near deadline climbs (a
 * reminder to the participant, a notice to its organization's admins, a notice to the case owner and
 * the coordinator, a mark on the public scorecard), read from the instance's settings or an
 * arrangement's {@code escalation} block, and which steps a deadline has reached at a given time. Plain
 * Java: no SQL, HTTP or command line.
 */
package org.accord.accountability.escalation;
