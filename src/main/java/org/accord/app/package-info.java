/**
 * The application layer: {@link org.accord.app.Accord} composes the store and the core packages into
 * the operations both edges offer (ingest, where-used, tokens; advisories, findings and exposure-weighted
 * priority through {@link org.accord.app.Advisories}, {@link org.accord.app.Findings} and {@link
 * org.accord.app.Priorities}). It holds the orchestration, not the
 * rules: parsing lives in the cores, SQL in {@code store}, and HTTP and command-line concerns in
 * {@code web} and {@code cli}.
 */
package org.accord.app;
