package dev.tusk.rest.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query string, parsed: the select tree, per-resource filters/logic/order/range keyed by {@link
 * EmbedPath}, {@code columns}, {@code on_conflict}, and RPC arguments. The root's range is the
 * final one: {@code limit}/{@code offset} already combined with the {@code Range} header.
 */
public record QueryParams(
    List<SelectItem> select,
    Map<EmbedPath, NodeParams> nodes,
    Optional<List<String>> columns,
    Optional<List<String>> onConflict,
    List<RpcArgument> rpcArguments) {

  public QueryParams {
    select = List.copyOf(select);
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    columns = columns.map(List::copyOf);
    onConflict = onConflict.map(List::copyOf);
    rpcArguments = List.copyOf(rpcArguments);
  }

  /** The parameters for one resource; empty ones if the URL has none for it. */
  public NodeParams node(EmbedPath path) {
    return nodes.getOrDefault(path, NodeParams.empty());
  }

  public NodeParams root() {
    return node(EmbedPath.root());
  }
}
