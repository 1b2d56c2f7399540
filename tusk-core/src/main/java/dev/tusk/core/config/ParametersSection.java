package dev.tusk.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code postgres.parameters}, the postgresql.conf overrides, in the order written. Names
 * must look like GUC names and values must be single-line scalars, because both are written into
 * postgresql.conf: a key such as {@code "x = 1\nfoo"} must not become a second setting. Settings
 * that another key owns (port, listen_addresses, ssl...) are refused, so there is one place to set
 * each.
 */
final class ParametersSection {

  private static final Map<String, String> OWNED =
      Map.ofEntries(
          Map.entry("port", "postgres.port"),
          Map.entry("listen_addresses", "postgres.listen"),
          Map.entry("data_directory", "postgres.data_dir"),
          Map.entry("config_file", "Tusk (it writes postgresql.conf)"),
          Map.entry("hba_file", "Tusk (it writes pg_hba.conf)"),
          Map.entry("ident_file", "Tusk (it writes pg_ident.conf)"),
          Map.entry("ssl", "postgres.tls.mode"),
          Map.entry("ssl_cert_file", "postgres.tls"),
          Map.entry("ssl_key_file", "postgres.tls"),
          Map.entry("ssl_ca_file", "postgres.tls"));

  private ParametersSection() {}

  static Map<String, String> read(ReadContext ctx, Optional<YamlMap> map) {
    Map<String, String> out = new LinkedHashMap<>();
    if (map.isEmpty()) {
      return Collections.unmodifiableMap(out);
    }
    YamlMap parameters = map.get();
    for (String key : parameters.keys()) {
      Location where = parameters.keyLocation(key);
      if (!Names.isGucName(key)) {
        throw ConfigErrors.badValue(
            "postgres.parameters: "
                + Scalar.quote(key)
                + " at "
                + where
                + " is not a PostgreSQL parameter name",
            "parameter names are lower-case letters, digits, '_' and '.', such as shared_buffers"
                + " or pg_stat_statements.max");
      }
      if (OWNED.containsKey(key)) {
        throw ConfigErrors.badValue(
            "postgres.parameters." + key + " at " + where + " is set by " + OWNED.get(key),
            "remove it from postgres.parameters and use " + OWNED.get(key));
      }
      Scalar value = parameters.scalar(key);
      String text = Convert.text(value, "a value (a number, a word or a quoted string)");
      if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw ConfigErrors.badValue(value, "a single line without control characters");
      }
      out.put(key, text);
    }
    return Collections.unmodifiableMap(out);
  }
}
