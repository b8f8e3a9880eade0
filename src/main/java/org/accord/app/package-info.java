/**
 * The application layer: {@link org.accord.app.Accord} composes the store and the core packages into
 * the operations both edges offer (ingest, where-used, tokens). It holds the orchestration, not the
 * rules: parsing lives in the cores, SQL in {@code store}, and HTTP and command-line concerns in
 * {@code web} and {@code cli}.
 */
package org.accord.app;
