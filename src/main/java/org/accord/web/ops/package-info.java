/**
 * Operations routes of a replica (ADR 0147): {@code /healthz}, {@code /readyz}, Prometheus metrics at
 * {@code /metrics}, the change-feed headers of read-your-own-writes ({@code X-Accord-Change}, {@code
 * X-Accord-After}, {@code X-Accord-Applied}, ADR 0146) and draining before a graceful stop.
 */
package org.accord.web.ops;
