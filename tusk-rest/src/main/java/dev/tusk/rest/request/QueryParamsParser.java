package dev.tusk.rest.request;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Sorts decoded parameters into {@link QueryParams}. Reserved names are {@code select}, {@code
 * columns}, {@code on_conflict} (root only) and {@code order}, {@code limit}, {@code offset},
 * {@code and}, {@code or} (also as the last segment of an embed path, {@code rel.order}). Every
 * other parameter is a filter; on a function read ({@code GET /rpc/fn}) a parameter that does not
 * look like a filter is a function argument instead, as in PostgREST.
 *
 * <p>Single-valued parameters given twice are an error rather than a silent pick of one. Parameters
 * without {@code =} are ignored, as PostgREST does.
 */
final class QueryParamsParser {

  private final int maxDepth;
  private final Map<EmbedPath, Node> nodes = new LinkedHashMap<>();
  private final Set<String> seen = new HashSet<>();
  private final List<RpcArgument> rpcArguments = new ArrayList<>();
  private Optional<List<SelectItem>> select = Optional.empty();
  private Optional<List<String>> columns = Optional.empty();
  private Optional<List<String>> onConflict = Optional.empty();

  private QueryParamsParser(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  static QueryParams parse(List<QueryString.Param> params, boolean functionRead, int maxDepth) {
    QueryParamsParser p = new QueryParamsParser(maxDepth);
    for (QueryString.Param param : params) {
      if (param.value().isPresent()) {
        p.add(param.key(), param.value().get(), functionRead);
      }
    }
    return p.build();
  }

  private void add(String key, String value, boolean functionRead) {
    switch (key) {
      case "select" -> {
        once(key);
        select = Optional.of(SelectParser.parse(value, maxDepth));
        return;
      }
      case "columns" -> {
        once(key);
        columns = Optional.of(NameList.parse(value, "columns parameter"));
        return;
      }
      case "on_conflict" -> {
        once(key);
        onConflict = Optional.of(NameList.parse(value, "on_conflict parameter"));
        return;
      }
      default -> {}
    }
    int dot = key.lastIndexOf('.');
    String last = key.substring(dot + 1);
    // null: the word stands alone (root); "" before a dot is a malformed path, not the root.
    String prefix = dot < 0 ? null : key.substring(0, dot);
    switch (last) {
      case "order" -> {
        once(key);
        node(path(prefix)).order = OrderParser.parse(value);
      }
      case "limit" -> {
        once(key);
        node(path(prefix)).limit = OptionalLong.of(RangeParser.limit(value));
      }
      case "offset" -> {
        once(key);
        node(path(prefix)).offset = RangeParser.offset(value);
      }
      case "and", "or" -> logic(prefix, last, value);
      default -> {
        if (functionRead && !looksLikeFilter(key, value)) {
          rpcArguments.add(new RpcArgument(key, value));
        } else {
          KeyParser.TreePath where = KeyParser.treePath(key);
          node(where.path()).filters.add(FilterParser.parseParam(where.field(), value));
        }
      }
    }
  }

  private void logic(String prefix, String connective, String value) {
    boolean negated = prefix != null && (prefix.equals("not") || prefix.endsWith(".not"));
    if (negated) {
      prefix = prefix.equals("not") ? null : prefix.substring(0, prefix.length() - 4);
    }
    LogicTree.Connective c =
        connective.equals("and") ? LogicTree.Connective.AND : LogicTree.Connective.OR;
    node(path(prefix)).logic.add(LogicParser.parse(negated, c, value, maxDepth));
  }

  private static EmbedPath path(String prefix) {
    return prefix == null ? EmbedPath.root() : KeyParser.embedPath(prefix);
  }

  /** PostgREST's test: an embed path, or a value that starts with an operator. */
  static boolean looksLikeFilter(String key, String value) {
    if (key.indexOf('.') >= 0) {
      return true;
    }
    int end = 0;
    while (end < value.length() && value.charAt(end) != '.' && value.charAt(end) != '(') {
      end++;
    }
    String head = value.substring(0, end);
    boolean more = end < value.length();
    return switch (head) {
      case "not" -> more && value.indexOf('.', end + 1) >= 0;
      case "in", "is", "isdistinct" -> more;
      default ->
          more
              && (Operator.byUrlName(head) != null
                  || Operation.FtsOperator.byUrlName(head) != null);
    };
  }

  private void once(String key) {
    if (!seen.add(key)) {
      throw new ApiRequestException(
          new ApiRequestError.QueryParamError(
              "Query parameter '" + Cursor.echo(key) + "' is given more than once",
              Optional.of(
                  "select, columns, on_conflict and each order, limit and offset may appear once"),
              Optional.of("Send it once; several orderings go in one list, order=a,b.desc")));
    }
  }

  private Node node(EmbedPath path) {
    return nodes.computeIfAbsent(path, p -> new Node());
  }

  private QueryParams build() {
    Map<EmbedPath, NodeParams> built = new LinkedHashMap<>();
    nodes.forEach((path, node) -> built.put(path, node.build()));
    return new QueryParams(
        select.orElse(List.of(new SelectItem.Star())), built, columns, onConflict, rpcArguments);
  }

  /** Mutable collector for one embed path. */
  private static final class Node {
    final List<Filter> filters = new ArrayList<>();
    final List<LogicTree> logic = new ArrayList<>();
    List<OrderTerm> order = List.of();
    OptionalLong limit = OptionalLong.empty();
    long offset;

    NodeParams build() {
      return new NodeParams(filters, logic, order, new RowRange(offset, limit));
    }
  }
}
