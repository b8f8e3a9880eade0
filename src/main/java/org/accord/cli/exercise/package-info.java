/** Exercise commands: {@code accord scenario validate}, {@code accord simulate}, {@code accord bench simulate} (ADR 0148, 0149). */
package org.accord.cli.exercise;
