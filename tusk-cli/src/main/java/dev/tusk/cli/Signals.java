package dev.tusk.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * SIGTERM and SIGINT handling for {@code tusk up}. A JVM shutdown hook alone would make the process
 * exit 143 after SIGTERM; DESIGN.md wants a clean stop to exit 0, so the signals are caught with
 * {@code sun.misc.Signal} (the supported way to do this on HotSpot, in module jdk.unsupported). It
 * is reached by reflection because javac flags direct use as a warning, which this build treats as
 * an error. When it is unavailable, the caller falls back to a shutdown hook.
 */
final class Signals {

  private Signals() {}

  /** Runs {@code handler} on SIGTERM and SIGINT; returns false when signals cannot be caught. */
  static boolean onTerminate(Runnable handler) {
    return on(List.of("TERM", "INT"), handler);
  }

  /** Runs {@code handler} on SIGUSR1 (PostgREST's "reload the schema cache"). */
  static boolean onUsr1(Runnable handler) {
    return on(List.of("USR1"), handler);
  }

  private static boolean on(List<String> names, Runnable handler) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      InvocationHandler ih =
          (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
              handler.run();
            }
            return null;
          };
      Object h =
          Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType}, ih);
      for (String name : names) {
        Object sig = signal.getConstructor(String.class).newInstance(name);
        signal.getMethod("handle", signal, handlerType).invoke(null, sig, h);
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
