/**
 * Staged notification plans (issue 11, ADR 0133): who of the exposure is told of a case, in which
 * wave, by when, on which channel and under which TLP label. Plain Java with no SQL, HTTP or
 * command-line code.
 *
 * <p>{@link org.accord.disclosure.plan.PlanStrategy} turns a {@link
 * org.accord.disclosure.plan.PlanInput} (the participant suggestions the exposure gives, the case
 * facts and the clock's now) into {@link org.accord.disclosure.plan.Wave waves}; {@link
 * org.accord.disclosure.plan.ShippedStrategy} holds the strategies Accord ships ("coordinated", the
 * default, and "immediate"). Every recipient carries the reasons it is included, so no one is in a
 * plan without a stated cause, and what the plan could not include is in its notes, never silent.
 *
 * <p>{@link org.accord.disclosure.plan.JurisdictionCheck} computes a plan with the instance's rule packs
 * (ADR 0137): the rules that bind each wave's recipients, the {@link
 * org.accord.disclosure.plan.Conflict conflicts} with the {@link org.accord.disclosure.plan.Alternative
 * alternatives} that survive, and the parties a sanctions pack keeps out of every wave.
 */
package org.accord.disclosure.plan;
