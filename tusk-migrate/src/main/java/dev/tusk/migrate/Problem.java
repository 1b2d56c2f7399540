package dev.tusk.migrate;

/**
 * One reason the files and the history disagree, as {@code validate} reports it.
 *
 * @param migration how the migration is named ({@code V3 add_email}, {@code R views})
 * @param message what is wrong and what to do
 */
public record Problem(Kind kind, String migration, String message) {

  /** The kinds of disagreement. */
  public enum Kind {
    /** An applied file was edited after it ran (checksum or name differs). */
    CHANGED,
    /** A history row has no file any more. */
    MISSING,
    /** A no-transaction migration failed part-way; the row blocks up and down. */
    FAILED,
    /** A pending version is older than the latest applied one. */
    OUT_OF_ORDER;

    public String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
