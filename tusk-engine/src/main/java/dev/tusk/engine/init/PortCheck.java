package dev.tusk.engine.init;

import dev.tusk.core.error.ConfigException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds a taken port before anything starts, with a message that names it and its key. */
public final class PortCheck {

  private PortCheck() {}

  /** Throws if {@code port} cannot be bound on {@code host} ("*" means every address). */
  public static void requireFree(String host, int port, String configKey, String envVar) {
    for (String h : host.split(",")) {
      String addr = h.strip();
      try (ServerSocket s = new ServerSocket()) {
        s.setReuseAddress(true);
        InetSocketAddress where =
            addr.equals("*") || addr.isEmpty()
                ? new InetSocketAddress(port)
                : new InetSocketAddress(InetAddress.getByName(addr), port);
        s.bind(where);
      } catch (IOException e) {
        throw new ConfigException(
            "engine.port_in_use",
            configKey + " " + port + " on " + addr + " is not available: " + e.getMessage(),
            "stop whatever listens there (ss -ltnp 'sport = :"
                + port
                + "'), or choose another port with "
                + configKey
                + " or "
                + envVar);
      }
    }
  }
}
