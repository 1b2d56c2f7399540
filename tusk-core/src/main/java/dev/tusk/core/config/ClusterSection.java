package dev.tusk.core.config;

import static dev.tusk.core.config.ConfigOption.CLUSTER_HOME;
import static dev.tusk.core.config.ConfigOption.CLUSTER_NAME;

import java.util.List;
import java.util.Optional;

/** Reads {@code cluster}. */
final class ClusterSection {

  private ClusterSection() {}

  static ClusterConfig read(ReadContext ctx, Optional<YamlMap> map) {
    SectionValues values = new SectionValues(ctx, "cluster", map, List.of());
    return new ClusterConfig(
        Names.clusterName(values.get(CLUSTER_NAME)), Convert.path(values.get(CLUSTER_HOME)));
  }
}
