package dev.tusk.rest.request;

import java.util.List;
import java.util.Optional;

/**
 * Everything that can be wrong with an HTTP request before the database is consulted, as values.
 * Codes, statuses and messages are PostgREST's (group PGRST1xx), so clients written against
 * PostgREST keep working; the body a client sees is {code, message, details, hint} (see {@link
 * ErrorJson}).
 */
public sealed interface ApiRequestError {

  String code();

  int status();

  String message();

  default Optional<String> details() {
    return Optional.empty();
  }

  default Optional<String> hint() {
    return Optional.empty();
  }

  /** PGRST100: a query parameter (select, a filter, order, ...) does not follow the grammar. */
  record QueryParamError(String message, Optional<String> details, Optional<String> hint)
      implements ApiRequestError {
    public QueryParamError(String message, String details) {
      this(message, Optional.of(details), Optional.empty());
    }

    @Override
    public String code() {
      return "PGRST100";
    }

    @Override
    public int status() {
      return 400;
    }
  }

  /** PGRST101: functions are called with GET, HEAD or POST only. */
  record InvalidRpcMethod(String method) implements ApiRequestError {
    @Override
    public String code() {
      return "PGRST101";
    }

    @Override
    public int status() {
      return 405;
    }

    @Override
    public String message() {
      return "Cannot use the " + method + " method on RPC";
    }
  }

  /** PGRST103: limit, offset or the Range header ask for rows no range can hold. */
  record InvalidRange(String explanation) implements ApiRequestError {
    public static final String NEGATIVE_LIMIT = "Limit should be greater than or equal to zero.";
    public static final String LOWER_GT_UPPER =
        "The lower boundary must be lower than or equal to the upper boundary in the Range header.";

    @Override
    public String code() {
      return "PGRST103";
    }

    @Override
    public int status() {
      return 416;
    }

    @Override
    public String message() {
      return "Requested range not satisfiable";
    }

    @Override
    public Optional<String> details() {
      return Optional.of(explanation);
    }
  }

  /** PGRST106: Accept-Profile or Content-Profile names a schema the API does not expose. */
  record UnacceptableSchema(String schema, List<String> exposed) implements ApiRequestError {
    public UnacceptableSchema {
      exposed = List.copyOf(exposed);
    }

    @Override
    public String code() {
      return "PGRST106";
    }

    @Override
    public int status() {
      return 406;
    }

    @Override
    public String message() {
      return "Invalid schema: " + schema;
    }

    @Override
    public Optional<String> hint() {
      return Optional.of("Only the following schemas are exposed: " + String.join(", ", exposed));
    }
  }

  /** PGRST107: nothing the endpoint can produce matches the Accept header. */
  record NotAcceptable(List<String> requested) implements ApiRequestError {
    public NotAcceptable {
      requested = List.copyOf(requested);
    }

    @Override
    public String code() {
      return "PGRST107";
    }

    @Override
    public int status() {
      return 406;
    }

    @Override
    public String message() {
      return "None of these media types are available: " + String.join(", ", requested);
    }
  }

  /** PGRST114: PUT replaces one row by its key, so paging it makes no sense. */
  record PutLimitNotAllowed() implements ApiRequestError {
    @Override
    public String code() {
      return "PGRST114";
    }

    @Override
    public int status() {
      return 400;
    }

    @Override
    public String message() {
      return "limit/offset querystring parameters are not allowed for PUT";
    }
  }

  /** PGRST117: an HTTP method the API has no meaning for. */
  record UnsupportedMethod(String method) implements ApiRequestError {
    @Override
    public String code() {
      return "PGRST117";
    }

    @Override
    public int status() {
      return 405;
    }

    @Override
    public String message() {
      return "Unsupported HTTP method: " + method;
    }
  }

  /** PGRST122: with handling=strict, preferences the server cannot honour are an error. */
  record InvalidPreferences(List<String> preferences) implements ApiRequestError {
    public InvalidPreferences {
      preferences = List.copyOf(preferences);
    }

    @Override
    public String code() {
      return "PGRST122";
    }

    @Override
    public int status() {
      return 400;
    }

    @Override
    public String message() {
      return "Invalid preferences given with handling=strict";
    }

    @Override
    public Optional<String> details() {
      return Optional.of("Invalid preferences: " + String.join(", ", preferences));
    }
  }

  /** PGRST125: the path is neither /, /name nor /rpc/name. */
  record InvalidResourcePath(String path) implements ApiRequestError {
    @Override
    public String code() {
      return "PGRST125";
    }

    @Override
    public int status() {
      return 404;
    }

    @Override
    public String message() {
      return "Invalid path specified in request URL";
    }
  }
}
