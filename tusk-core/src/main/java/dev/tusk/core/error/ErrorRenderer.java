package dev.tusk.core.error;

/** Renders a {@link TuskException} for a person: one line that names the problem and the fix. */
public final class ErrorRenderer {

  private ErrorRenderer() {}

  /**
   * {@code error: <message> (<code>); fix: <hint>}, then {@code detail: ...} on a second line only
   * when the error carries details.
   */
  public static String render(TuskException e) {
    StringBuilder out = new StringBuilder("error: ").append(e.getMessage());
    out.append(" (").append(e.code()).append(')');
    e.hint().ifPresent(h -> out.append("; fix: ").append(h));
    e.detail().ifPresent(d -> out.append("\n  detail: ").append(d));
    return out.toString();
  }
}
