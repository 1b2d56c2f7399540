package dev.tusk.rest.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Request headers with case-insensitive names; repeated headers keep every value, in order. */
final class Headers {

  private final Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  Headers(Map<String, List<String>> raw) {
    if (raw == null) {
      return;
    }
    raw.forEach(
        (name, values) -> {
          if (name != null && values != null) {
            List<String> all = byName.computeIfAbsent(name, n -> new ArrayList<>());
            for (String v : values) {
              if (v != null) {
                all.add(v);
              }
            }
          }
        });
  }

  List<String> all(String name) {
    return byName.getOrDefault(name, List.of());
  }

  /** The first value, if the header is present. */
  Optional<String> first(String name) {
    List<String> values = all(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** All values joined as one comma-separated list (RFC 9110 §5.3). */
  Optional<String> joined(String name) {
    List<String> values = all(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
  }
}
