/**
 * Jurisdiction rule packs: what laws, published disclosure policies and an instance's sanctions list
 * require of the parties to a case, kept as data (ADR 0130, 0131).
 *
 * <p>Plain Java with Jackson, no SQL, HTTP or command-line code. {@link
 * org.accord.jurisdiction.RulePackReader} checks a pack against the shipped JSON Schema and binds it to
 * {@link org.accord.jurisdiction.RulePack}; {@link org.accord.jurisdiction.RuleBook} holds the shipped
 * packs and an instance's own. A {@link org.accord.jurisdiction.Rule} is evaluated against a party (its
 * organization kind and country), the {@link org.accord.jurisdiction.CaseFacts} and the clocks of a
 * case: that is all a notification plan needs from this package.
 */
package org.accord.jurisdiction;
