/**
 * SQL for replicas over one PostgreSQL (ADR 0146): the change feed ({@link
 * org.accord.store.replicas.Changes}), {@code LISTEN}/{@code NOTIFY} ({@link
 * org.accord.store.replicas.ChangeListener}) and session-level advisory locks ({@link
 * org.accord.store.replicas.SessionLock}). On SQLite the feed is a plain table and the locks are always held.
 */
package org.accord.store.replicas;
