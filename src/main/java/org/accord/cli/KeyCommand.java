package org.accord.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.accord.app.CsafKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code accord key show|rotate}: the instance's OpenPGP key that signs the published CSAF documents
 * (ADR 0122), kept in the data directory. Both work beside a running server: they touch only the key
 * file, which rotation replaces at once, and the server signs with the new key from its next request.
 */
@Command(
    name = "key",
    description = {
      "Show or rotate the CSAF signing key.",
      "",
      "The OpenPGP key is csaf-openpgp.key in the data directory (owner-only).",
      "It is created on first use.",
      "The CSAF provider serves its public half where provider-metadata.json says."
    },
    subcommands = {KeyCommand.Show.class, KeyCommand.Rotate.class})
final class KeyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw Main.missingCommand(spec.commandLine());
  }

  @Command(
      name = "show",
      description = {"Print the key's fingerprint and its ASCII-armored public key."},
      footer = {"", "Examples:", "  accord key show", "  accord key show --json"})
  static final class Show extends AccordCommand {
    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() throws Exception {
      return print(this, CsafKey.current(root().dataDir(), Clock.systemUTC()), false);
    }
  }

  @Command(
      name = "rotate",
      description = {"Replace the key with a new one.",
          "",
          "The old key is kept beside it with the suffix .<fingerprint>.retired.",
          "Served signatures are made with the new key from then on."},
      footer = {"", "Examples:", "  accord key rotate", "  accord key rotate --json"})
  static final class Rotate extends AccordCommand {
    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() throws Exception {
      return print(this, CsafKey.rotate(root().dataDir(), Clock.systemUTC()), true);
    }
  }

  private static int print(AccordCommand command, CsafKey key, boolean rotated) throws Exception {
    if (command.json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("fingerprint", key.fingerprint());
      out.put("rotated", rotated);
      out.put("public_key", key.publicKeyArmored());
      command.out().println(Json.PRETTY.writeValueAsString(out));
    } else {
      command.out().println((rotated ? "rotated; new key " : "") + "fingerprint " + key.fingerprint());
      command.out().print(key.publicKeyArmored());
    }
    command.out().flush();
    return 0;
  }
}
