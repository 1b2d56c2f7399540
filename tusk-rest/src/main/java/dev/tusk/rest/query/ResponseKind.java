package dev.tusk.rest.query;

/** What the request did, which decides status codes and headers. */
public enum ResponseKind {
  /** GET/HEAD on a table or view: 200, or 206 for a partial range. */
  READ,
  /** POST on a table: 201 Created, or 200 for a merging upsert that inserted nothing. */
  CREATE,
  /** PATCH: 200 with representation, else 204. */
  UPDATE,
  /**
   * PUT: single-row upsert; with representation 201 when it inserted and 200 when it replaced, else
   * 204.
   */
  UPSERT,
  /** DELETE: 200 with representation, else 204. */
  DELETE,
  /** /rpc/fn of a function with a result: 200 (206 for a partial range), HEAD included. */
  RPC,
  /** /rpc/fn of a function returning void: 204. */
  RPC_VOID
}
