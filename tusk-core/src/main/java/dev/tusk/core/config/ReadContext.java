package dev.tusk.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * What every section reader needs: the environment (passed in, never read from the process), the
 * working directory, the directory relative paths in the file resolve against, and the file's label
 * for error locations.
 */
record ReadContext(Map<String, String> env, Path workingDir, Path configDir, String label) {

  Location at(Node node) {
    return Location.of(label, node);
  }

  /** A node that must be a single value, with its {@code ${...}} references resolved. */
  Scalar scalar(Node node, String path) {
    Origin origin = new Origin.InFile(at(node));
    if (!(node instanceof ScalarNode scalar)) {
      throw ConfigErrors.wrongShape(path, "a single value", node, at(node));
    }
    if (scalar.getTag().equals(Tag.NULL)) {
      return new Scalar(path, Optional.empty(), origin, "literal", configDir);
    }
    Interpolator.Resolved resolved =
        new Interpolator(env, configDir).resolve(scalar.getValue(), path, at(node));
    return new Scalar(path, Optional.of(resolved.value()), origin, resolved.source(), configDir);
  }

  /** A value from an environment override: taken literally, relative paths from the cwd. */
  Scalar fromEnv(String path, String variable, String value) {
    return new Scalar(
        path, Optional.of(value), new Origin.FromEnv(variable), "env:" + variable, workingDir);
  }

  Scalar byDefault(String path, Optional<String> value) {
    return new Scalar(path, value, new Origin.ByDefault(), "default", configDir);
  }
}
