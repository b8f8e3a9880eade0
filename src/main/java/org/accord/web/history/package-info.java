/** {@code POST /api/v1/history} (ADR 0156). */
package org.accord.web.history;
