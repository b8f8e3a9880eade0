package org.accord.web.page;

/**
 * The shell's menu, in order. A page that belongs in the menu adds its entry here; pages reached from
 * another page (a case) do not.
 */
public enum Nav {
  CASES("/cases", "Cases", true),
  EXPOSURE("/", "Exposure", true),
  EXPOSURE_MAP("/exposure", "Exposure map", true),
  SETTINGS("/settings", "Settings", true),
  REPORT("/report", "Report a vulnerability", false),
  TRANSPARENCY("/transparency", "Transparency", false);

  private final String path;
  private final String label;
  private final boolean signedInOnly;

  Nav(String path, String label, boolean signedInOnly) {
    this.path = path;
    this.label = label;
    this.signedInOnly = signedInOnly;
  }

  /** Where the entry leads. */
  public String path() {
    return path;
  }

  /** What the menu says. */
  public String label() {
    return label;
  }

  /** Whether only a signed-in viewer sees the entry. */
  public boolean signedInOnly() {
    return signedInOnly;
  }
}
