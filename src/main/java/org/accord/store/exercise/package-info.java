/** The stored exercises: simulations and live tabletops with their reports (V38, ADR 0158). */
package org.accord.store.exercise;
