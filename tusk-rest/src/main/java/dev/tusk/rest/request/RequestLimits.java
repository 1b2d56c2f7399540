package dev.tusk.rest.request;

import dev.tusk.core.error.ConfigException;
import java.util.List;

/**
 * What the server lets a request ask for, from config: the exposed schemas (the first is the
 * default), whether {@code Prefer: tx=} may override the configured transaction end, and the caps
 * that keep hostile URLs cheap: the query-string length and the nesting depth of select and logic
 * trees.
 */
public record RequestLimits(
    List<String> schemas, boolean allowTxOverride, int maxQueryLength, int maxDepth) {

  public static final int DEFAULT_MAX_QUERY_LENGTH = 64 * 1024;
  public static final int DEFAULT_MAX_DEPTH = 64;

  /** Recursion is bounded by this, so it also bounds the parser's stack use. */
  public static final int MAX_DEPTH_CEILING = 1000;

  public RequestLimits {
    schemas = List.copyOf(schemas);
    if (schemas.isEmpty()) {
      throw new ConfigException(
          "api.schemas_empty",
          "api.schemas lists no schema, so the API would expose nothing",
          "List at least one schema under api.schemas, e.g. [public].");
    }
    if (maxQueryLength < 1) {
      throw new ConfigException(
          "api.max_query_length_invalid",
          "the maximum query-string length is " + maxQueryLength + ", it must be at least 1",
          "Use a positive number of characters, e.g. " + DEFAULT_MAX_QUERY_LENGTH + ".");
    }
    if (maxDepth < 1 || maxDepth > MAX_DEPTH_CEILING) {
      throw new ConfigException(
          "api.max_depth_invalid",
          "the maximum nesting depth is " + maxDepth + ", it must be 1 to " + MAX_DEPTH_CEILING,
          "Use a depth in that range, e.g. " + DEFAULT_MAX_DEPTH + ".");
    }
  }

  public static RequestLimits defaults(List<String> schemas) {
    return new RequestLimits(schemas, false, DEFAULT_MAX_QUERY_LENGTH, DEFAULT_MAX_DEPTH);
  }

  public String defaultSchema() {
    return schemas.get(0);
  }
}
