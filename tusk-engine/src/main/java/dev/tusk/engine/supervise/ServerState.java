package dev.tusk.engine.supervise;

/** The supervised server's life cycle, as /ready and /status report it. */
public enum ServerState {
  STARTING,
  READY,
  RESTARTING,
  STOPPING,
  STOPPED,
  FAILED
}
