/** The {@code accord} command line (picocli). Commands translate arguments and call the application layer. */
package org.accord.cli;
