package dev.tusk.migrate.drift;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the replay check found for one versioned migration.
 *
 * @param label {@code V2 add_sku}
 * @param upFile the up file's name
 * @param downFile the down file's name (also when it does not exist: the name it should have)
 * @param differences between the schema before the up file and after the down file (MISMATCH)
 * @param error what failed (FAILED): the step and the error
 */
public record VersionCheck(
    String label,
    String upFile,
    String downFile,
    Outcome outcome,
    List<Difference> differences,
    Optional<String> error) {

  /** The result of up, down, compare, up for one version. */
  public enum Outcome {
    /** The down file gives back the schema before the up file. */
    OK,
    /** There is no down file: the up file ran, its undo could not be checked. */
    MISSING_DOWN,
    /** After the down file the schema is not what it was before the up file. */
    MISMATCH,
    /** A file failed to run in the scratch database. */
    FAILED,
    /** An earlier version failed or mismatched, so this one was not tried. */
    NOT_CHECKED;

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    public boolean problem() {
      return this == MISSING_DOWN || this == MISMATCH || this == FAILED;
    }
  }

  public VersionCheck {
    differences = List.copyOf(differences);
  }

  static VersionCheck of(String label, String upFile, String downFile, Outcome outcome) {
    return new VersionCheck(label, upFile, downFile, outcome, List.of(), Optional.empty());
  }
}
