/** The rows of history imports (ADR 0156). */
package org.accord.store.history;
