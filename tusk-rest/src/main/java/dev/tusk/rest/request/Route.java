package dev.tusk.rest.request;

import java.util.List;

/**
 * Method and path into an {@link Action}. The path is percent-decoded ({@code +} stays a plus) and
 * must be {@code /}, {@code /name} or {@code /rpc/name}; names are otherwise unrestricted, since a
 * table may be called {@code Escap3e;}.
 */
final class Route {

  private static final List<String> METHODS =
      List.of("GET", "HEAD", "POST", "PATCH", "PUT", "DELETE", "OPTIONS");

  private Route() {}

  static Action resolve(String method, String rawPath) {
    if (method == null || !METHODS.contains(method)) {
      throw new ApiRequestException(
          new ApiRequestError.UnsupportedMethod(method == null ? "" : Cursor.echo(method)));
    }
    Resource resource = resource(rawPath);
    if (method.equals("OPTIONS")) {
      return new Action.Info(resource);
    }
    return switch (resource) {
      case Resource.Root root ->
          switch (method) {
            case "GET" -> new Action.OpenApi(false);
            case "HEAD" -> new Action.OpenApi(true);
            default -> throw new ApiRequestException(new ApiRequestError.UnsupportedMethod(method));
          };
      case Resource.Relation(String name) ->
          switch (method) {
            case "GET" -> new Action.Read(name, false);
            case "HEAD" -> new Action.Read(name, true);
            case "POST" -> new Action.Insert(name);
            case "PATCH" -> new Action.Update(name);
            case "PUT" -> new Action.Upsert(name);
            case "DELETE" -> new Action.Delete(name);
            default -> throw new ApiRequestException(new ApiRequestError.UnsupportedMethod(method));
          };
      case Resource.Routine(String name) ->
          switch (method) {
            case "GET" -> new Action.CallRpc(name, Action.RpcMethod.GET);
            case "HEAD" -> new Action.CallRpc(name, Action.RpcMethod.HEAD);
            case "POST" -> new Action.CallRpc(name, Action.RpcMethod.POST);
            default -> throw new ApiRequestException(new ApiRequestError.InvalidRpcMethod(method));
          };
    };
  }

  static Resource resource(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      throw invalid(rawPath);
    }
    if (rawPath.equals("/")) {
      return new Resource.Root();
    }
    String[] raw = rawPath.substring(1).split("/", -1);
    if (raw.length > 2) {
      throw invalid(rawPath);
    }
    String[] segments = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      try {
        segments[i] = QueryString.decode(raw[i], 0, raw[i].length(), false, "the path");
      } catch (ApiRequestException e) {
        throw invalid(rawPath); // undecodable or NUL: no table can have that name
      }
      if (segments[i].isEmpty()) {
        throw invalid(rawPath);
      }
    }
    if (segments.length == 1) {
      return new Resource.Relation(segments[0]);
    }
    if (!segments[0].equals("rpc")) {
      throw invalid(rawPath);
    }
    return new Resource.Routine(segments[1]);
  }

  private static ApiRequestException invalid(String path) {
    return new ApiRequestException(
        new ApiRequestError.InvalidResourcePath(path == null ? "" : Cursor.echo(path)));
  }
}
