package dev.tusk.rest.request;

/**
 * What the request asks for, derived from the method and the path (PostgREST's {@code Action}).
 * Each variant carries the resource it acts on, so no nonsensical pair (an insert into the root)
 * can be represented.
 */
public sealed interface Action {

  /** The resource acted on. */
  Resource resource();

  /** GET or HEAD on a table or view. */
  record Read(String relation, boolean headOnly) implements Action {
    @Override
    public Resource resource() {
      return new Resource.Relation(relation);
    }
  }

  /** POST on a table or view (with resolution=..., an upsert of many rows). */
  record Insert(String relation) implements Action {
    @Override
    public Resource resource() {
      return new Resource.Relation(relation);
    }
  }

  /** PATCH on a table or view. */
  record Update(String relation) implements Action {
    @Override
    public Resource resource() {
      return new Resource.Relation(relation);
    }
  }

  /** PUT on a table: insert or replace the single row the filters identify. */
  record Upsert(String relation) implements Action {
    @Override
    public Resource resource() {
      return new Resource.Relation(relation);
    }
  }

  /** DELETE on a table or view. */
  record Delete(String relation) implements Action {
    @Override
    public Resource resource() {
      return new Resource.Relation(relation);
    }
  }

  /** GET, HEAD or POST on {@code /rpc/name}. */
  record CallRpc(String function, RpcMethod method) implements Action {
    @Override
    public Resource resource() {
      return new Resource.Routine(function);
    }

    /** GET and HEAD call the function read-only with arguments from the query string. */
    public boolean readOnly() {
      return method != RpcMethod.POST;
    }
  }

  /** OPTIONS on anything: which methods the resource allows. */
  record Info(Resource resource) implements Action {}

  /** GET or HEAD on {@code /}: the OpenAPI description. */
  record OpenApi(boolean headOnly) implements Action {
    @Override
    public Resource resource() {
      return new Resource.Root();
    }
  }

  enum RpcMethod {
    GET,
    HEAD,
    POST
  }
}
