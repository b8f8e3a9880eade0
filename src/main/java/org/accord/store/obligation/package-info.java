/**
 * The store side of obligations tracked per participant and of acknowledged plan conflicts (ADRs 0138,
 * 0139; migration V28): rows in, rows out, conditional updates. The rules are the {@code
 * disclosure.obligation} core's.
 */
package org.accord.store.obligation;
