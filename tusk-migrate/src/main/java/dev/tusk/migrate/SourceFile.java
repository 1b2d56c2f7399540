package dev.tusk.migrate;

/**
 * A file as read from the migrations directory: its name and raw bytes. The input of the pure
 * {@link MigrationScanner#parse} stage, so tests can build sets without touching the disk.
 */
public record SourceFile(String name, byte[] bytes) {

  public SourceFile {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** A file whose content is {@code text} in UTF-8. */
  public static SourceFile of(String name, String text) {
    return new SourceFile(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceFile f
        && f.name.equals(name)
        && java.util.Arrays.equals(f.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SourceFile[" + name + ", " + bytes.length + " bytes]";
  }
}
