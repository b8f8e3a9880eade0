/**
 * Disclosure: how a private report becomes a coordinated case. Plain Java with no SQL, HTTP or
 * command-line code.
 *
 * <p>The Vultron state machines are pure functions over enums, copied table by table from the CERT/CC
 * Vultron protocol (ADR 0102): {@link org.accord.disclosure.ReportManagement} (RM, per participant),
 * {@link org.accord.disclosure.EmbargoManagement} (EM, per case), {@link
 * org.accord.disclosure.EmbargoConsent} (participant embargo consent) and {@link
 * org.accord.disclosure.CaseState} (VFDPXA). An illegal transition throws {@link
 * org.accord.disclosure.IllegalTransitionException} naming the machine, state, event and reason.
 *
 * <p>The case model (ADR 0103): {@link org.accord.disclosure.CaseId}, participants and their {@link
 * org.accord.disclosure.ParticipantRole roles}, {@link org.accord.disclosure.Tlp} with its
 * need-to-know rule, {@link org.accord.disclosure.EmbargoTerms} and {@link
 * org.accord.disclosure.EmbargoRules} (limits, negotiation), and report intake ({@link
 * org.accord.disclosure.ReportReader}). Bad input throws {@link org.accord.InvalidInputException}
 * naming the field (and line, for report bodies).
 */
package org.accord.disclosure;
