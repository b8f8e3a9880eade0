/**
 * A track record from history (ADR 0156): per-vulnerability timelines read from a CSV or JSON file,
 * their stated dates, and the historical cases they become, folded into the same timelines as live
 * cases but counted apart. Pure: no SQL, HTTP or CLI.
 */
package org.accord.accountability.history;
