package dev.tusk.engine.tls;

import java.time.Instant;

/**
 * What {@link AutoTls#ensureAuto} found and did, for the CLI to print: the files to configure, the
 * action, why it was taken, and when the server certificate will next need renewing.
 */
public record AutoTlsResult(Action action, TlsFiles files, Instant serverNotAfter, String reason) {

  /** What happened to the files under the TLS directory. */
  public enum Action {
    /** Nothing was there: a new CA and server certificate were generated. */
    CREATED,
    /** Everything was valid and covered the names: nothing was written. */
    REUSED,
    /** The CA was kept and a new server certificate and key were issued by it. */
    RENEWED,
    /**
     * The CA was missing, invalid or expiring while other files existed: everything was replaced,
     * so clients that trust the old {@code ca.crt} must fetch the new one.
     */
    RECREATED
  }

  /** One line for the console, e.g. "TLS: renewed server.crt (expires within 30 days)". */
  public String summary() {
    String verb =
        switch (action) {
          case CREATED -> "created a CA and server certificate";
          case REUSED -> "using the existing certificates";
          case RENEWED -> "renewed the server certificate";
          case RECREATED -> "replaced the CA and server certificate; clients must trust the new CA";
        };
    return "TLS: "
        + verb
        + " in "
        + files.serverCert().getParent()
        + " ("
        + reason
        + "; server certificate valid until "
        + serverNotAfter
        + ")";
  }
}
