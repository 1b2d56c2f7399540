package dev.tusk.engine;

import dev.tusk.core.config.TuskConfig;
import dev.tusk.engine.tls.TlsFiles;
import java.util.Optional;

/** Supplies the server's TLS files for a config (empty when TLS is off). */
@FunctionalInterface
public interface TlsProvider {
  Optional<TlsFiles> prepare(TuskConfig config);
}
