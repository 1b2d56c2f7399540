package dev.tusk.core.config;

/** {@code api.tx_end} (PostgREST's db-tx-end): how each request's transaction ends. */
public enum TxEnd {
  COMMIT,
  COMMIT_ALLOW_OVERRIDE,
  ROLLBACK,
  ROLLBACK_ALLOW_OVERRIDE;

  /** Whether {@code Prefer: tx=commit|rollback} may change the outcome. */
  public boolean allowsOverride() {
    return this == COMMIT_ALLOW_OVERRIDE || this == ROLLBACK_ALLOW_OVERRIDE;
  }

  /** The outcome when the request does not ask for one. */
  public boolean commitsByDefault() {
    return this == COMMIT || this == COMMIT_ALLOW_OVERRIDE;
  }
}
