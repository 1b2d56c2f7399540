package dev.tusk.core.config;

/** {@code admin}: the HTTP server for /live, /ready, /status and /metrics. */
public record AdminConfig(boolean enabled, String listen, int port) {}
