package dev.tusk.rest.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Where the role sits in the claims: PostgREST's {@code jwt-role-claim-key} JSPath, parsed once
 * from {@code api.jwt.role_claim_key} by {@link RoleClaimPathParser}. Supported, as PostgREST's
 * docs describe: keys ({@code .role}, {@code ."https://x.com/claims"}), array indexes ({@code
 * [0]}), string filters on arrays ({@code [?(@ == "admin")]} with {@code == != ^== ==^ *==}), and a
 * Python-style slice of the selected string ({@code [1:]}, {@code [:-1]}).
 */
public record RoleClaimPath(String source, List<Step> steps) {

  public RoleClaimPath {
    steps = List.copyOf(steps);
  }

  /** One step of the path. */
  public sealed interface Step {
    /** {@code .name} or {@code ."any name"}: an object member. */
    record Key(String name) implements Step {}

    /** {@code [n]}: an array element. */
    record Index(int index) implements Step {}

    /** {@code [?(@ op "operand")]}: the first string element of an array that matches. */
    record Filter(FilterOp op, String operand) implements Step {}

    /** {@code [start:end]}: a slice of a string; negative bounds count from the end. */
    record Slice(Optional<Integer> start, Optional<Integer> end) implements Step {}
  }

  /** The string comparisons PostgREST's filter expressions offer. */
  public enum FilterOp {
    EQUALS("=="),
    NOT_EQUALS("!="),
    STARTS_WITH("^=="),
    ENDS_WITH("==^"),
    CONTAINS("*==");

    private final String symbol;

    FilterOp(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    boolean test(String element, String operand) {
      return switch (this) {
        case EQUALS -> element.equals(operand);
        case NOT_EQUALS -> !element.equals(operand);
        case STARTS_WITH -> element.startsWith(operand);
        case ENDS_WITH -> element.endsWith(operand);
        case CONTAINS -> element.contains(operand);
      };
    }
  }

  /** Parses {@code api.jwt.role_claim_key}; a bad path is a ConfigException naming the key. */
  public static RoleClaimPath parse(String text) {
    return RoleClaimPathParser.parse(text);
  }

  /** The value at this path, or empty when any step finds nothing. */
  public Optional<JsonNode> select(JsonNode claims) {
    JsonNode node = claims;
    for (Step step : steps) {
      node = apply(step, node);
      if (node == null) {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  private static JsonNode apply(Step step, JsonNode node) {
    return switch (step) {
      case Step.Key k -> node.isObject() ? node.get(k.name()) : null;
      case Step.Index i -> node.isArray() ? node.get(i.index()) : null;
      case Step.Filter f -> {
        if (!node.isArray()) {
          yield null;
        }
        for (JsonNode element : node) {
          if (element.isTextual() && f.op().test(element.textValue(), f.operand())) {
            yield element;
          }
        }
        yield null;
      }
      case Step.Slice s -> node.isTextual() ? slice(node.textValue(), s) : null;
    };
  }

  /** Python's {@code s[a:b]} over code points: bounds clamp, an empty range gives "". */
  private static JsonNode slice(String text, Step.Slice s) {
    int[] cps = text.codePoints().toArray();
    int n = cps.length;
    int from = clamp(s.start().orElse(0), n);
    int to = clamp(s.end().orElse(n), n);
    String out = from >= to ? "" : new String(cps, from, to - from);
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(out);
  }

  private static int clamp(int bound, int n) {
    int b = bound < 0 ? bound + n : bound;
    return Math.max(0, Math.min(n, b));
  }

  @Override
  public String toString() {
    return source;
  }
}
