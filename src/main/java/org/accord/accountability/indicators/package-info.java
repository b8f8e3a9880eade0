/**
 * Indicators computed from case histories (ADR 0142): per organization, per case and per period, the
 * time from report to acknowledgement, fix, publication and VEX; the twelve desirable orderings of
 * Vultron's case events with Householder and Spring's skill; embargo adherence; and notification
 * before publication. {@link org.accord.accountability.indicators.CaseTimeline} folds one case's
 * events into milestones, {@link org.accord.accountability.indicators.Indicators} computes the
 * figures, and {@link org.accord.accountability.indicators.IndicatorAudit} recomputes published
 * figures from the public log and the reveal bundles alone (ADR 0143).
 */
package org.accord.accountability.indicators;
