/** The SQL of commitments (ADR 0140): commitments, their versions and who joined them (V29). */
package org.accord.store.accountability;
