/**
 * Accord replicas as real processes over one PostgreSQL schema (issue 16 items 5 and 6, ADR 0154): the
 * {@link org.accord.bench.replicas.ReplicaCluster} that starts, kills and restarts {@code accord serve}
 * processes, and {@code accord bench replicas}' measurements on it.
 */
package org.accord.bench.replicas;
