/**
 * Parties: the organizations that take part in an instance, the people who act for them, and the
 * principal a request or a command acts as.
 *
 * <p>Plain Java with no SQL, HTTP or command-line code. {@link org.accord.party.Principal} is the one
 * typed answer to "who is acting"; {@link org.accord.party.Authority} holds the rules of who may
 * create organizations, members and tokens, and {@link org.accord.party.Actor} is how an action is
 * attributed in the transparency log. The records validate their own fields and throw {@link
 * org.accord.InvalidInputException} naming the field. See ADR 0081.
 */
package org.accord.party;
