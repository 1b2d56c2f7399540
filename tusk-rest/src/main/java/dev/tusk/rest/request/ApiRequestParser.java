package dev.tusk.rest.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles an {@link ApiRequest}: route, query string, range, schema profile, preferences, media
 * types and payload, each by its own small parser, checked in the order a client would fix them.
 */
final class ApiRequestParser {

  private ApiRequestParser() {}

  static ApiRequest parse(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> rawHeaders,
      byte[] body,
      RequestLimits limits) {
    Headers headers = new Headers(rawHeaders);
    Action action = Route.resolve(method, rawPath);
    QueryParams query = query(action, rawQuery, headers, limits);
    boolean reads = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    Optional<String> profile = headers.first(reads ? "Accept-Profile" : "Content-Profile");
    String schema = profile.orElse(limits.defaultSchema());
    if (!limits.schemas().contains(schema)) {
      throw new ApiRequestException(
          new ApiRequestError.UnacceptableSchema(Cursor.echo(schema), limits.schemas()));
    }
    Preferences preferences = PreferParser.parse(headers.all("Prefer"), limits.allowTxOverride());
    List<MediaRange> accept = MediaTypeParser.parseAccept(headers.joined("Accept").orElse(""));
    Optional<Payload> payload = Optional.empty();
    if (method.equals("POST") || method.equals("PATCH") || method.equals("PUT")) {
      MediaType type =
          headers.first("Content-Type").map(MediaTypeParser::parse).orElse(new MediaType.Json());
      payload = Optional.of(new Payload(type, body == null ? new byte[0] : body));
    }
    return new ApiRequest(
        action,
        schema,
        // With several schemas, PostgREST treats the default one as negotiated too.
        profile.isPresent() || limits.schemas().size() != 1,
        query,
        preferences,
        accept,
        negotiate(action, accept),
        payload);
  }

  private static QueryParams query(
      Action action, String rawQuery, Headers headers, RequestLimits limits) {
    if (rawQuery != null && rawQuery.length() > limits.maxQueryLength()) {
      throw new ApiRequestException(
          new ApiRequestError.QueryParamError(
              "The query string is too long",
              Optional.of(
                  rawQuery.length() + " characters; the limit is " + limits.maxQueryLength()),
              Optional.of(
                  "Shorten the request: long value lists fit in a function (rpc) taking a JSON"
                      + " body.")));
    }
    boolean functionRead = action instanceof Action.CallRpc call && call.readOnly();
    QueryParams query =
        QueryParamsParser.parse(QueryString.parse(rawQuery), functionRead, limits.maxDepth());
    NodeParams root = query.root();
    if (action instanceof Action.Upsert && !root.range().isAll()) {
      throw new ApiRequestException(new ApiRequestError.PutLimitNotAllowed());
    }
    boolean read = action instanceof Action.Read || functionRead;
    Optional<RowRange> header =
        read
            ? RangeParser.header(headers.first("Range"), headers.first("Range-Unit"))
            : Optional.empty();
    if (header.isEmpty()) {
      return query;
    }
    RowRange combined = RangeParser.combine(root.range(), header.get());
    Map<EmbedPath, NodeParams> nodes = new LinkedHashMap<>(query.nodes());
    nodes.put(
        EmbedPath.root(), new NodeParams(root.filters(), root.logic(), root.order(), combined));
    return new QueryParams(
        query.select(), nodes, query.columns(), query.onConflict(), query.rpcArguments());
  }

  private static Negotiation negotiate(Action action, List<MediaRange> accept) {
    return switch (action) {
      case Action.Info info -> new Negotiation.Acceptable(new MediaType.Json());
      case Action.OpenApi openApi ->
          MediaNegotiator.negotiate(accept, MediaNegotiator.openApiOutputs());
      case Action.Read r -> MediaNegotiator.negotiate(accept, MediaNegotiator.rowOutputs());
      case Action.Insert i -> MediaNegotiator.negotiate(accept, MediaNegotiator.rowOutputs());
      case Action.Update u -> MediaNegotiator.negotiate(accept, MediaNegotiator.rowOutputs());
      case Action.Upsert u -> MediaNegotiator.negotiate(accept, MediaNegotiator.rowOutputs());
      case Action.Delete d -> MediaNegotiator.negotiate(accept, MediaNegotiator.rowOutputs());
      case Action.CallRpc c -> MediaNegotiator.negotiate(accept, MediaNegotiator.rowOutputs());
    };
  }
}
