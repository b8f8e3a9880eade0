/** History imports: a track record from past vulnerabilities' timelines (ADR 0156). */
package org.accord.app.history;
