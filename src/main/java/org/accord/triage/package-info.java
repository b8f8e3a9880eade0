/**
 * Triage: how urgent a vulnerability is, for whom.
 *
 * <ul>
 *   <li>{@link org.accord.triage.Cvss}: CVSS 3.0, 3.1 and 4.0 vectors to {@link org.accord.triage.CvssScore}.
 *   <li>{@link org.accord.triage.SsvcTable}: SSVC decision tables (the CERT/CC and CISA tables built
 *       in, custom risk appetites loaded from files) deciding {@link org.accord.triage.SsvcDecision}s.
 *   <li>Evidence: {@link org.accord.triage.KevCatalog} and {@link org.accord.triage.EpssFeed} readers,
 *       the store-agnostic {@link org.accord.triage.Evidence} for one CVE, and the rule {@link
 *       org.accord.triage.Exploitation#assess} that turns evidence into SSVC Exploitation with its
 *       {@link org.accord.triage.Provenance}.
 *   <li>{@link org.accord.triage.ImpactAssessment}: the pure mapping from where a vulnerability runs
 *       ({@link org.accord.triage.Deployment}s, suppliers) to SSVC decision points.
 * </ul>
 *
 * <p>Plain Java over Jackson (for the feeds and the table files): no SQL, HTTP or CLI, and no I/O
 * besides reading the stream a caller passes in. Bad input raises {@link
 * org.accord.InvalidInputException} naming the metric, decision point, row, line or JSON path.
 */
package org.accord.triage;
