package org.accord.cli;

/**
 * Marks a command that never opens the data directory or the database: it works on its arguments and
 * files only (or, for a benchmark, on a scratch store of its own). Such a command does not offer the
 * global {@code --data} and {@code --db} options, which it would ignore; {@link Main#commandLine}
 * removes them from it. A group marked so loses them too; mark each subcommand as well.
 */
public interface StorelessCommand {}
