package dev.tusk.core.error;

/** Bad usage or bad configuration: nothing was attempted, nothing on disk was touched. Exit 2. */
public final class ConfigException extends TuskException {

  public ConfigException(String code, String message, String hint) {
    super(code, message, null, hint, null);
  }

  public ConfigException(String code, String message, String detail, String hint) {
    super(code, message, detail, hint, null);
  }

  @Override
  public int exitCode() {
    return 2;
  }
}
