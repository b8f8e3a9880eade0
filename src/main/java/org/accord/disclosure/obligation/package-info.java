/**
 * Obligations tracked per participant (issue 11 item 4, ADR 0138): what an adopted notification plan's
 * rules ask of each party it tells, as a deadline of the case. {@link
 * org.accord.disclosure.obligation.ParticipantObligation} is one such duty (who, which rule, whom to
 * notify, the clock and the term, the citation); {@link org.accord.disclosure.obligation.ObligationClocks}
 * says when the case's clocks started for the party; {@link org.accord.disclosure.obligation.Progress}
 * decides its due time and its {@link org.accord.disclosure.obligation.ObligationState state} (waiting,
 * open, met, late, missed). Plain Java with no SQL, HTTP or command-line code.
 */
package org.accord.disclosure.obligation;
