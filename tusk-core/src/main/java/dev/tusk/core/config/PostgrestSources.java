package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The values of a PostgREST configuration, looked up the way PostgREST does it: for each key its
 * {@code PGRST_*} variable, else the file; an empty value means unset (and an empty variable still
 * hides the file's value); a legacy alias ({@code db-schema}) counts only when its main key is
 * unset. Checks the file's keys and the {@code PGRST_*} variables on the way in and collects a
 * warning for everything it does not use.
 */
final class PostgrestSources {

  private final Map<String, PostgrestFile.Binding> file = new LinkedHashMap<>();
  private final Map<String, String> env;
  private final Path workingDir;
  private final List<String> warnings = new ArrayList<>();

  PostgrestSources(List<PostgrestFile.Binding> bindings, Map<String, String> env, Path workingDir) {
    this.env = env;
    this.workingDir = workingDir;
    for (PostgrestFile.Binding b : bindings) {
      PostgrestFile.Binding earlier = file.remove(b.key());
      if (earlier != null) {
        warnings.add(
            b.key()
                + " is set twice; the value at "
                + b.keyAt()
                + " replaces the one at "
                + earlier.keyAt());
      }
      file.put(b.key(), b);
    }
    file.values().forEach(PostgrestSources::checkKey);
    file.values().stream()
        .filter(b -> PostgrestKeys.isIgnored(b.key()))
        .forEach(b -> warnings.add(ignored(b.key(), "at " + b.keyAt())));
    new TreeMap<>(env)
        .keySet().stream()
            .filter(v -> v.startsWith(PostgrestKeys.ENV_PREFIX))
            .forEach(this::checkVariable);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The key's value, or its alias's, or empty when neither is set (or set to ""). */
  Optional<Scalar> value(String key) {
    Optional<Scalar> main = raw(key);
    String alias = PostgrestKeys.ALIASES.get(key);
    if (alias == null) {
      return main;
    }
    Optional<Scalar> legacy = raw(alias);
    if (main.isPresent() && legacy.isPresent()) {
      warnings.add(
          alias
              + " "
              + legacy.get().origin().describe()
              + " is ignored because "
              + key
              + " is set "
              + main.get().origin().describe());
    }
    return main.or(() -> legacy);
  }

  /** The value, or a default that names the key and says it is PostgREST's default. */
  Scalar valueOr(String key, String defaultText) {
    return value(key)
        .orElseGet(
            () ->
                new Scalar(
                    key, Optional.of(defaultText), new Origin.ByDefault(), "default", workingDir));
  }

  private Optional<Scalar> raw(String key) {
    String variable = PostgrestKeys.envName(key);
    if (env.containsKey(variable)) {
      String v = env.get(variable);
      return v.isEmpty()
          ? Optional.empty()
          : Optional.of(
              new Scalar(
                  key,
                  Optional.of(v),
                  new Origin.FromEnv(variable),
                  "env:" + variable,
                  workingDir));
    }
    PostgrestFile.Binding b = file.get(key);
    if (b == null || b.text().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Scalar(
            key, Optional.of(b.text()), new Origin.InFile(b.valueAt()), b.source(), workingDir));
  }

  private static void checkKey(PostgrestFile.Binding b) {
    if (PostgrestKeys.TUSK_NAMES.containsKey(b.key()) || PostgrestKeys.isIgnored(b.key())) {
      return;
    }
    Optional<String> near = Suggestions.closest(b.key(), PostgrestKeys.known());
    throw new ConfigException(
        ConfigErrors.UNKNOWN_KEY,
        "unknown PostgREST setting '"
            + Scalar.bare(b.key())
            + "' at "
            + b.keyAt()
            + near.map(n -> "; did you mean '" + n + "'?").orElse(""),
        "Tusk reads these PostgREST settings: "
            + String.join(", ", PostgrestKeys.TUSK_NAMES.keySet().stream().sorted().toList())
            + "; others that PostgREST knows are accepted with a warning");
  }

  private void checkVariable(String variable) {
    Optional<String> key = PostgrestKeys.keyOfEnv(variable);
    if (key.isEmpty()) {
      List<String> names = PostgrestKeys.known().stream().map(PostgrestKeys::envName).toList();
      warnings.add(
          "environment variable "
              + Scalar.bare(variable)
              + " is not a PostgREST setting and is"
              + " ignored"
              + Suggestions.closest(variable, names)
                  .map(n -> "; did you mean " + n + "?")
                  .orElse(""));
    } else if (PostgrestKeys.isIgnored(key.get())) {
      warnings.add(ignored(key.get(), "from environment variable " + variable));
    }
  }

  private static String ignored(String key, String where) {
    return "PostgREST setting "
        + Scalar.bare(key)
        + " "
        + where
        + " is not implemented by Tusk and is ignored";
  }
}
