/**
 * Replicas over one PostgreSQL (ADRs 0146, 0147): the {@link org.accord.app.replicas.ChangeFeed} that
 * keeps each replica's in-memory indexes current, and {@link org.accord.app.replicas.Leadership}, which
 * runs each background job on one replica at a time. On SQLite one process is the only replica: it
 * applies its own changes as it writes them and leads every job.
 */
package org.accord.app.replicas;
