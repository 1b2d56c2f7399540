package dev.tusk.rest.schema;

/** A function parameter's mode, from {@code pg_proc.proargmodes}. */
public enum ParamMode {
  IN,
  OUT,
  INOUT,
  VARIADIC,
  TABLE;

  static ParamMode fromArgmode(String mode) {
    return switch (mode) {
      case "i" -> IN;
      case "o" -> OUT;
      case "b" -> INOUT;
      case "v" -> VARIADIC;
      case "t" -> TABLE;
      default -> throw new IllegalArgumentException("unknown proargmode: " + mode);
    };
  }

  /** Whether a caller passes a value for it. */
  public boolean isInput() {
    return this == IN || this == INOUT || this == VARIADIC;
  }

  /** Whether it is a column of the result. */
  public boolean isOutput() {
    return this == OUT || this == INOUT || this == TABLE;
  }
}
