package dev.tusk.rest.request;

/**
 * One step of a JSON path: {@code ->} keeps JSON, {@code ->>} yields text; the operand is an object
 * key or an array index ({@code ->0}, {@code ->-1}).
 */
public record JsonStep(Arrow arrow, Operand operand) {

  public enum Arrow {
    /** {@code ->}: the result stays json/jsonb. */
    JSON("->"),
    /** {@code ->>}: the result is text. */
    TEXT("->>");

    private final String symbol;

    Arrow(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** What the arrow points at. */
  public sealed interface Operand {}

  /** An object key, verbatim. */
  public record Key(String name) implements Operand {}

  /** An array index; negative counts from the end, as in PostgreSQL. */
  public record Index(int index) implements Operand {}
}
