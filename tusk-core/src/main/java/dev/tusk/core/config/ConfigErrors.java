package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The config errors, in one place so their codes and wording stay uniform: {@code <key> must be
 * <what>, got <value> <where>}, and a hint that says what to edit.
 */
final class ConfigErrors {

  static final String UNKNOWN_KEY = "config.unknown_key";
  static final String BAD_TYPE = "config.bad_type";
  static final String BAD_VALUE = "config.bad_value";
  static final String MISSING_KEY = "config.missing_key";
  static final String DUPLICATE_KEY = "config.duplicate_key";
  static final String DUPLICATE_NAME = "config.duplicate_name";
  static final String UNKNOWN_ROLE = "config.unknown_role";
  static final String MISSING_ENV = "config.missing_env";
  static final String MISSING_FILE = "config.missing_file";
  static final String UNREADABLE_FILE = "config.unreadable_file";
  static final String TOO_LARGE = "config.too_large";
  static final String UNSUPPORTED_SECTION = "config.unsupported_section";
  static final String PARSE_ERROR = "config.parse_error";
  static final String UNKNOWN_REFERENCE = "config.unknown_reference";

  private ConfigErrors() {}

  /** The value is not of the expected kind at all ({@code port: "abc"}, {@code port: [1]}). */
  static ConfigException badType(Scalar s, String expectation) {
    return new ConfigException(
        BAD_TYPE,
        s.path() + " must be " + expectation + ", got " + s.shown() + " " + s.origin().describe(),
        s.origin().fix() + "; " + s.path() + " must be " + expectation);
  }

  /** The value has the right kind but is not allowed ({@code port: 99999}). */
  static ConfigException badValue(Scalar s, String expectation) {
    return new ConfigException(
        BAD_VALUE,
        s.path() + " must be " + expectation + ", got " + s.shown() + " " + s.origin().describe(),
        s.origin().fix() + "; " + s.path() + " must be " + expectation);
  }

  /** A bad value whose message must not show the value (a secret). */
  static ConfigException badSecret(Scalar s, String problem) {
    return new ConfigException(
        BAD_VALUE,
        s.path() + " " + problem + " " + s.origin().describe(),
        s.origin().fix() + " (the value is not shown because it is a secret)");
  }

  /** A list or mapping where something else belongs (or a scalar where a list belongs). */
  static ConfigException wrongShape(String path, String expectation, Node node, Location where) {
    String got =
        switch (node.getNodeType()) {
          case SEQUENCE -> "a list";
          case MAPPING -> "a mapping";
          default -> "a single value";
        };
    return new ConfigException(
        BAD_TYPE,
        path + " must be " + expectation + ", got " + got + " at " + where,
        "edit the value at " + where + "; " + path + " must be " + expectation);
  }

  static ConfigException badValue(String message, String hint) {
    return new ConfigException(BAD_VALUE, message, hint);
  }

  static ConfigException missingKey(String path, Location where) {
    return new ConfigException(
        MISSING_KEY,
        path + " is required; it is missing in the entry at " + where,
        "add " + path.substring(path.lastIndexOf('.') + 1) + ": to the entry at " + where);
  }
}
