/**
 * The only package with SQL: {@link org.accord.store.Database} (SQLite or PostgreSQL, Flyway
 * migrations) and one repository class per aggregate. Repositories translate between rows and the core
 * packages' values; they hold no business rules.
 */
package org.accord.store;
