/** The {@code accord commitment} commands (ADR 0140, 0141). */
package org.accord.cli.accountability;
