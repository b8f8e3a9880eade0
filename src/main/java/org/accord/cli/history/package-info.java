/** {@code accord import history} (ADR 0156). */
package org.accord.cli.history;
