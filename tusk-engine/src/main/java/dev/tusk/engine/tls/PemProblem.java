package dev.tusk.engine.tls;

/**
 * Why a PEM file could not be used. Checked, so every caller decides what the problem means to it:
 * files mode turns it into a {@link dev.tusk.core.error.ConfigException} naming the config key,
 * auto mode treats it as "regenerate". {@link #code()} is the suffix of the {@code tls.*} error
 * code; the message is a phrase that reads after the file name ("is empty").
 */
final class PemProblem extends Exception {

  private final String code;

  PemProblem(String code, String message) {
    super(message);
    this.code = code;
  }

  PemProblem(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  String code() {
    return code;
  }
}
