package dev.tusk.rest.query;

/** What the request did, which decides status codes and headers. */
public enum ResponseKind {
  /** GET/HEAD on a table or view: 200, or 206 for a partial range. */
  READ,
  /** POST on a table: 201 Created. */
  CREATE,
  /** PATCH: 200 with representation, else 204. */
  UPDATE,
  /** PUT: single-row upsert, 200 with representation, else 204. */
  UPSERT,
  /** DELETE: 200 with representation, else 204. */
  DELETE,
  /** /rpc/fn: 200, 204 for void functions. */
  RPC
}
