package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One YAML mapping of the config, addressed by its key path ({@code postgres.tls}, {@code
 * databases[0]}). Building one refuses non-string and duplicate keys; {@link #requireKnown} refuses
 * keys the section does not define, naming the closest valid one. Values come out as {@link
 * Scalar}s (references resolved) or nested maps and lists, each with its location.
 */
final class YamlMap {

  private final ReadContext ctx;
  private final String path;
  private final Node node;
  private final Map<String, NodeTuple> entries;

  private YamlMap(ReadContext ctx, String path, Node node, Map<String, NodeTuple> entries) {
    this.ctx = ctx;
    this.path = path;
    this.node = node;
    this.entries = entries;
  }

  /** {@code path} is empty for the root mapping. */
  static YamlMap of(ReadContext ctx, Node node, String path) {
    if (!(node instanceof MappingNode mapping)) {
      String what = path.isEmpty() ? ctx.label() + " (the top level)" : path;
      throw ConfigErrors.wrongShape(what, "a mapping of key: value", node, ctx.at(node));
    }
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      String inside = path.isEmpty() ? "the top level" : path;
      if (!(keyNode instanceof ScalarNode key)) {
        throw ConfigErrors.wrongShape("a key in " + inside, "a name", keyNode, ctx.at(keyNode));
      }
      NodeTuple first = entries.putIfAbsent(key.getValue(), tuple);
      if (first != null) {
        throw new ConfigException(
            ConfigErrors.DUPLICATE_KEY,
            "duplicate key '"
                + Scalar.bare(key.getValue())
                + "' in "
                + inside
                + " at "
                + ctx.at(keyNode)
                + " (first at "
                + ctx.at(first.getKeyNode())
                + ")",
            "keep one of the two; YAML does not allow a key twice in one mapping");
      }
    }
    return new YamlMap(ctx, path, node, entries);
  }

  String path() {
    return path;
  }

  Location location() {
    return ctx.at(node);
  }

  Set<String> keys() {
    return entries.keySet();
  }

  Location keyLocation(String key) {
    return ctx.at(entries.get(key).getKeyNode());
  }

  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Refuses the first key not in {@code allowed}, suggesting the closest allowed key. */
  void requireKnown(Collection<String> allowed) {
    requireKnown(allowed, Map.of(), "");
  }

  /**
   * Like {@link #requireKnown(Collection)}, and recognises another tool's names for the keys: an
   * unknown key that is one of {@code foreign}'s keys (compared like suggestions, ignoring case and
   * separators) is answered with the key it maps to, such as {@code did you mean 'api.anon_role'
   * (PostgREST's db-anon-role)?}. The mapped keys are relative to this mapping.
   */
  void requireKnown(Collection<String> allowed, Map<String, String> foreign, String tool) {
    for (String key : entries.keySet()) {
      if (!allowed.contains(key)) {
        String folded = Suggestions.normalize(key);
        Optional<String> near =
            foreign.keySet().stream()
                .filter(f -> Suggestions.normalize(f).equals(folded))
                .findFirst()
                .map(f -> "'" + child(foreign.get(f)) + "' (" + tool + " " + f + ")")
                .or(() -> Suggestions.closest(key, allowed).map(n -> "'" + child(n) + "'"));
        String where = path.isEmpty() ? "valid top-level keys: " : "valid keys in " + path + ": ";
        throw new ConfigException(
            ConfigErrors.UNKNOWN_KEY,
            "unknown key '"
                + child(Scalar.bare(key))
                + "' at "
                + keyLocation(key)
                + near.map(n -> "; did you mean " + n + "?").orElse(""),
            where + String.join(", ", allowed));
      }
    }
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The value of {@code key}: absent keys read as YAML null with the default origin. */
  Scalar scalar(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null
        ? ctx.byDefault(child(key), Optional.empty())
        : ctx.scalar(tuple.getValueNode(), child(key));
  }

  /** The value of {@code key}, or {@code defaultText} with the default origin when absent. */
  Scalar scalarOr(String key, String defaultText) {
    return has(key) ? scalar(key) : ctx.byDefault(child(key), Optional.of(defaultText));
  }

  /** The value of a key that must be present. */
  Scalar required(String key) {
    if (!has(key)) {
      throw ConfigErrors.missingKey(child(key), location());
    }
    return scalar(key);
  }

  /** A nested mapping; empty when the key is absent or null. */
  Optional<YamlMap> map(String key) {
    return present(key).map(n -> of(ctx, n, child(key)));
  }

  /** A nested list; empty when the key is absent or null. */
  Optional<List<Node>> list(String key) {
    return present(key)
        .map(
            n -> {
              if (!(n instanceof SequenceNode seq)) {
                throw ConfigErrors.wrongShape(child(key), "a list", n, ctx.at(n));
              }
              return seq.getValue();
            });
  }

  /** A list of single values, each addressed as {@code key[i]}; empty when absent or null. */
  List<Scalar> scalars(String key) {
    List<Scalar> out = new ArrayList<>();
    List<Node> items = list(key).orElse(List.of());
    for (int i = 0; i < items.size(); i++) {
      out.add(ctx.scalar(items.get(i), child(key) + "[" + i + "]"));
    }
    return out;
  }

  /** The mapping at index {@code i} of a list. */
  YamlMap item(Node node, String listPath, int i) {
    return of(ctx, node, listPath + "[" + i + "]");
  }

  private Optional<Node> present(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      return Optional.empty();
    }
    Node value = tuple.getValueNode();
    boolean isNull = value instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    return isNull ? Optional.empty() : Optional.of(value);
  }
}
