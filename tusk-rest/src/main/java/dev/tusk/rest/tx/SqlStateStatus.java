package dev.tusk.rest.tx;

/**
 * PostgREST's SQLSTATE to HTTP status table, in one place (its docs' "HTTP Status Codes"). A {@code
 * RAISE ... USING ERRCODE 'PT404'} chooses its status directly.
 */
public final class SqlStateStatus {

  private SqlStateStatus() {}

  /** The HTTP status for {@code sqlState}; {@code authenticated} splits 42501 into 401 / 403. */
  public static int of(String sqlState, boolean authenticated) {
    if (sqlState == null || sqlState.length() != 5) {
      return 500;
    }
    if (sqlState.startsWith("PT")) {
      try {
        int status = Integer.parseInt(sqlState.substring(2));
        return status >= 100 && status <= 599 ? status : 500;
      } catch (NumberFormatException e) {
        return 500;
      }
    }
    switch (sqlState) {
      case "23503", "23505" -> {
        return 409;
      }
      case "25006" -> {
        return 405;
      }
      case "53400" -> {
        return 500;
      }
      case "P0001" -> {
        return 400;
      }
      case "42883", "42P01" -> {
        return 404;
      }
      case "42P17" -> {
        return 500;
      }
      case "42501" -> {
        return authenticated ? 403 : 401;
      }
      default -> {}
    }
    return switch (sqlState.substring(0, 2)) {
      case "08" -> 503;
      case "09",
          "25",
          "2D",
          "38",
          "39",
          "3B",
          "40",
          "54",
          "55",
          "57",
          "58",
          "F0",
          "HV",
          "P0",
          "XX" ->
          500;
      case "0L", "0P", "28" -> 403;
      case "53" -> 503;
      default -> 400;
    };
  }
}
