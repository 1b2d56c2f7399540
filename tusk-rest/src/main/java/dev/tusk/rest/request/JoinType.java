package dev.tusk.rest.request;

/** How an embedded resource joins its parent: {@code rel!inner(...)} or {@code rel!left(...)}. */
public enum JoinType {
  INNER,
  LEFT
}
