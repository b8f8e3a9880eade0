/**
 * Obligations tracked per participant (issue 11 item 4, ADR 0138): created when a plan is adopted,
 * listed to their participant and the case owner, recorded by their participant with evidence, and
 * marked missed by a sweep; each recording and each missed mark is a case event.
 */
package org.accord.app.obligation;
