package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} and {@code ${file:PATH}} in a string value, so secrets never need
 * to sit in the config file. {@code $${} stands for a literal {@code ${}. Replacement is one pass:
 * text that comes out of a variable or a file is never scanned again, so a secret containing
 * {@code ${...}} stays as it is.
 */
final class Interpolator {

  /** Largest {@code ${file:...}} file: secrets, certificates' passwords, tokens. */
  static final int MAX_FILE_BYTES = 64 * 1024;

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The value and where it came from: {@code literal}, or the references joined by '+'. */
  record Resolved(String value, String source) {}

  private final Map<String, String> env;
  private final Path baseDir;

  Interpolator(Map<String, String> env, Path baseDir) {
    this.env = env;
    this.baseDir = baseDir;
  }

  Resolved resolve(String raw, String path, Location where) {
    if (!raw.contains("${")) {
      return new Resolved(raw, "literal");
    }
    StringBuilder out = new StringBuilder();
    List<String> sources = new ArrayList<>();
    int i = 0;
    while (i < raw.length()) {
      if (raw.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (raw.startsWith("${", i)) {
        int end = raw.indexOf('}', i + 2);
        if (end < 0) {
          throw new ConfigException(
              ConfigErrors.UNKNOWN_REFERENCE,
              path + ": a '${' in the value has no closing '}' (" + where + ")",
              "close the reference, or write $${ for a literal '${'");
        }
        String reference = raw.substring(i + 2, end);
        out.append(lookup(reference, path, where, sources));
        i = end + 1;
      } else {
        out.append(raw.charAt(i++));
      }
    }
    return new Resolved(out.toString(), sources.isEmpty() ? "literal" : String.join("+", sources));
  }

  private String lookup(String reference, String path, Location where, List<String> sources) {
    if (reference.startsWith("env:")) {
      String name = reference.substring(4);
      if (!ENV_NAME.matcher(name).matches()) {
        throw badReference(
            path, "${" + reference + "}", "'" + name + "' is not a variable name", where);
      }
      String value = env.get(name);
      if (value == null) {
        throw new ConfigException(
            ConfigErrors.MISSING_ENV,
            path + ": environment variable " + name + " is not set (" + where + ")",
            "set "
                + name
                + " in Tusk's environment (export "
                + name
                + "=...), or replace the reference at "
                + where);
      }
      sources.add("env:" + name);
      return value;
    }
    if (reference.startsWith("file:")) {
      Path file = resolveFile(reference.substring(5), reference, path, where);
      String text =
          ConfigText.read(
              file,
              path + ": file " + file + " (" + where + ")",
              MAX_FILE_BYTES,
              "create the file, or fix the path in the reference at " + where);
      sources.add("file:" + file);
      return trimNewline(text);
    }
    throw new ConfigException(
        ConfigErrors.UNKNOWN_REFERENCE,
        path + ": unknown reference '${" + reference + "}' (" + where + ")",
        "use ${env:NAME} or ${file:PATH}; write $${ for a literal '${'");
  }

  private Path resolveFile(String name, String reference, String path, Location where) {
    if (name.isEmpty()) {
      throw badReference(path, "${" + reference + "}", "the file name is empty", where);
    }
    try {
      return baseDir.resolve(name).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw badReference(path, "${" + reference + "}", "it is not a valid path", where);
    }
  }

  private static String trimNewline(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    if (text.endsWith("\n")) {
      return text.substring(0, text.length() - 1);
    }
    return text;
  }

  private static ConfigException badReference(
      String path, String reference, String why, Location where) {
    return new ConfigException(
        ConfigErrors.UNKNOWN_REFERENCE,
        path + ": bad reference " + Scalar.quote(reference) + ": " + why + " (" + where + ")",
        "write ${env:NAME} or ${file:PATH}; write $${ for a literal '${'");
  }
}
