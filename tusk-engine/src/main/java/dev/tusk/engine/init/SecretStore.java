package dev.tusk.engine.init;

import dev.tusk.core.config.Secret;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.util.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Generated passwords under {@code <home>/secrets/}, one file per role, mode 0600, written
 * atomically. A password is generated once and then read back on every start, so restarts never
 * change a credential behind a client's back.
 */
public final class SecretStore {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]{1,63}");
  private static final char[] ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

  private final Path dir;
  private final SecureRandom random;

  public SecretStore(Path dir, SecureRandom random) {
    this.dir = dir;
    this.random = random;
  }

  public Path dir() {
    return dir;
  }

  /** The configured secret if there is one, else the stored one, else a new stored one. */
  public Secret passwordFor(String role, Optional<Secret> configured) {
    if (configured.isPresent()) {
      return configured.get();
    }
    Path file = fileFor(role);
    try {
      if (Files.exists(file)) {
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!value.isEmpty()) {
          return new Secret(value, "file:" + file);
        }
      }
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      String value = generate(32);
      Path tmp = Files.createTempFile(dir, ".tmp-", ".password");
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      return new Secret(value, "file:" + file);
    } catch (IOException e) {
      throw new OperationException(
          "engine.secret_io",
          "could not read or write the generated password " + file + ": " + e.getMessage(),
          "check that " + dir + " is writable by the user running Tusk",
          e);
    }
  }

  /** The configured secret, else the stored one; never generates (for client commands). */
  public Optional<Secret> existing(String role, Optional<Secret> configured) {
    if (configured.isPresent()) {
      return configured;
    }
    Path file = fileFor(role);
    try {
      if (Files.isRegularFile(file)) {
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(new Secret(value, "file:" + file));
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new OperationException(
          "engine.secret_io",
          "could not read the stored password " + file + ": " + e.getMessage(),
          "run this command as the user that runs tusk up",
          e);
    }
  }

  /** Where a role's generated password lives (or would). */
  public Path fileFor(String role) {
    String name = SAFE.matcher(role).matches() ? role : "role-" + Sha256.hex(role).substring(0, 16);
    return dir.resolve(name + ".password");
  }

  String generate(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }
}
