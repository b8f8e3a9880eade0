/** The exercise routes (ADR 0158): simulations, live tabletops and their reports. */
package org.accord.web.exercise;
