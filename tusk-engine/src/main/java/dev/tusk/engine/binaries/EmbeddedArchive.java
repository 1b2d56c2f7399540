package dev.tusk.engine.binaries;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The PostgreSQL archive that this build carries on its classpath (zonky's binaries jar for the
 * build machine's platform). Its version comes from a filtered properties file, so knowing what is
 * embedded costs no unpacking.
 *
 * @param loader where the archive and {@code binaries.properties} are looked up
 * @param resource the archive's resource name, e.g. {@code postgres-linux-x86_64.txz}
 * @param version the binaries artifact version, e.g. {@code 18.3.0}
 */
public record EmbeddedArchive(ClassLoader loader, String resource, String version)
    implements ArchiveSource {

  static final String PROPERTIES = "dev/tusk/engine/binaries.properties";
  static final String VERSION_KEY = "postgres.binaries.version";

  /**
   * The archive for {@code platform}.
   *
   * @throws ConfigException {@code binaries.not_embedded} when this build has no archive for it
   */
  public static EmbeddedArchive find(ClassLoader loader, Platform platform) {
    String version = embeddedVersion(loader);
    String resource = platform.archiveResource();
    if (loader.getResource(resource) == null) {
      throw notEmbedded(resource + " is not on the classpath");
    }
    return new EmbeddedArchive(loader, resource, version);
  }

  /**
   * The binaries artifact version recorded at build time, e.g. {@code 18.3.0}.
   *
   * @throws ConfigException {@code binaries.not_embedded} when the build recorded none
   */
  public static String embeddedVersion(ClassLoader loader) {
    Properties props = new Properties();
    try (InputStream in = loader.getResourceAsStream(PROPERTIES)) {
      if (in == null) {
        throw notEmbedded(PROPERTIES + " is not on the classpath");
      }
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + PROPERTIES, e);
    }
    String version = props.getProperty(VERSION_KEY, "").strip();
    try {
      PostgresVersion.ofBinariesArtifact(version);
    } catch (IllegalArgumentException e) {
      throw notEmbedded(PROPERTIES + " has " + VERSION_KEY + "=" + version + " (not filtered?)");
    }
    return version;
  }

  @Override
  public String name() {
    return "classpath:" + resource;
  }

  @Override
  public java.util.Optional<String> fingerprint() {
    java.net.URL url = loader.getResource(resource);
    if (url == null) {
      return java.util.Optional.empty();
    }
    try {
      java.net.URLConnection c = url.openConnection();
      if (c instanceof java.net.JarURLConnection jar) {
        jar.setUseCaches(false);
        java.io.File file = new java.io.File(jar.getJarFileURL().toURI());
        try (java.util.jar.JarFile jf = new java.util.jar.JarFile(file)) {
          java.util.zip.ZipEntry e = jf.getEntry(resource);
          if (e == null || e.getCrc() < 0) {
            return java.util.Optional.empty();
          }
          return java.util.Optional.of(
              String.join(
                  "|",
                  file.getAbsolutePath(),
                  Long.toString(file.length()),
                  Long.toString(file.lastModified()),
                  Long.toHexString(e.getCrc()),
                  Long.toString(e.getSize())));
        }
      }
      if (url.getProtocol().equals("file")) {
        java.io.File file = new java.io.File(url.toURI());
        return java.util.Optional.of(
            String.join(
                "|",
                file.getAbsolutePath(),
                Long.toString(file.length()),
                Long.toString(file.lastModified())));
      }
    } catch (IOException | java.net.URISyntaxException | IllegalArgumentException e) {
      // no cheap identity: the cache hashes the archive instead
    }
    return java.util.Optional.empty();
  }

  @Override
  public InputStream open() {
    InputStream in = loader.getResourceAsStream(resource);
    if (in == null) {
      throw new OperationException(
          "binaries.not_embedded",
          resource + " vanished from the classpath while Tusk was running",
          "reinstall Tusk, or set postgres.bin_dir to a PostgreSQL installation");
    }
    return in;
  }

  private static ConfigException notEmbedded(String why) {
    return new ConfigException(
        "binaries.not_embedded",
        "this build of Tusk has no embedded PostgreSQL for this machine: " + why,
        "set postgres.bin_dir to a system PostgreSQL installation (the output of `pg_config"
            + " --bindir`, e.g. /usr/lib/postgresql/17/bin)");
  }
}
