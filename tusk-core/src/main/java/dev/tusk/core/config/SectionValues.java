package dev.tusk.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scalar options of one section, each looked up in the order that gives the operator the last
 * word: the {@code TUSK_*} environment variable, then the file, then the registry's default. Also
 * checks the section's keys against the registry (plus its nested keys).
 */
final class SectionValues {

  private final ReadContext ctx;
  private final String section;
  private final Optional<YamlMap> map;

  SectionValues(ReadContext ctx, String section, Optional<YamlMap> map, List<String> nested) {
    this(ctx, section, map, nested, Map.of());
  }

  /** {@code postgrest} maps PostgREST's names to this section's keys, for "did you mean". */
  SectionValues(
      ReadContext ctx,
      String section,
      Optional<YamlMap> map,
      List<String> nested,
      Map<String, String> postgrest) {
    this.ctx = ctx;
    this.section = section;
    this.map = map;
    List<String> allowed = new ArrayList<>();
    ConfigOption.in(section).forEach(o -> allowed.add(o.leaf()));
    allowed.addAll(nested);
    map.ifPresent(m -> m.requireKnown(allowed, postgrest, "PostgREST's"));
  }

  Scalar get(ConfigOption option) {
    if (!option.section().equals(section)) {
      throw new IllegalArgumentException(option.key() + " is not in " + section);
    }
    String envValue = ctx.env().get(option.envName());
    if (envValue != null) {
      boolean nullable = option.defaultValue().isEmpty();
      if (envValue.isEmpty() && nullable) {
        return ctx.byDefault(option.key(), Optional.empty());
      }
      return ctx.fromEnv(option.key(), option.envName(), envValue);
    }
    if (map.isPresent() && map.get().has(option.leaf())) {
      return map.get().scalar(option.leaf());
    }
    return ctx.byDefault(option.key(), option.defaultValue());
  }
}
