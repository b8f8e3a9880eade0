/** Rate-limit counters in the database, shared by every replica (ADR 0147). */
package org.accord.store.ratelimit;
