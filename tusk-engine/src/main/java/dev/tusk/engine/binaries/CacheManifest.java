package dev.tusk.engine.binaries;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The marker that says an unpacked directory is complete: the archive's SHA-256 and every regular
 * file (size, executable or not) and symlink it produced. It is written last, so its presence means
 * the unpack finished; checking it costs one stat per file and no hashing, so a warm start stays
 * fast while a deleted, truncated or re-moded file still sends the directory back for unpacking.
 */
record CacheManifest(String sha256, List<Entry> entries) {

  static final String FILE_NAME = ".tusk-complete";
  private static final String HEADER = "tusk binaries cache v1";

  /** What the archive put at one relative path. */
  sealed interface Entry permits RegularFile, Symlink {
    String path();
  }

  record RegularFile(String path, long size, boolean executable) implements Entry {}

  record Symlink(String path, String target) implements Entry {}

  CacheManifest {
    entries = List.copyOf(entries);
  }

  void write(Path dir) throws IOException {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    out.append("sha256 ").append(sha256).append('\n');
    for (Entry e : entries) {
      switch (e) {
        case RegularFile f ->
            out.append("f ")
                .append(f.executable() ? 'x' : '-')
                .append(' ')
                .append(f.size())
                .append(' ')
                .append(f.path());
        case Symlink l -> out.append("l ").append(l.path()).append('\t').append(l.target());
      }
      out.append('\n');
    }
    out.append("end ").append(entries.size()).append('\n');
    Files.writeString(dir.resolve(FILE_NAME), out, StandardCharsets.UTF_8);
    FileModes.setFile(dir.resolve(FILE_NAME), false);
  }

  /** The marker in {@code dir}; empty when it is missing, cut short or garbled. */
  static Optional<CacheManifest> read(Path dir) {
    List<String> lines;
    try {
      lines = Files.readAllLines(dir.resolve(FILE_NAME), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      if (lines.size() < 3
          || !lines.get(0).equals(HEADER)
          || !lines.get(1).matches("sha256 [0-9a-f]{64}")) {
        return Optional.empty();
      }
      List<Entry> entries = new ArrayList<>();
      for (String line : lines.subList(2, lines.size() - 1)) {
        entries.add(parse(line));
      }
      if (!lines.getLast().equals("end " + entries.size())) {
        return Optional.empty();
      }
      return Optional.of(new CacheManifest(lines.get(1).substring(7), entries));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Entry parse(String line) {
    if (line.startsWith("f ") && line.length() > 4) {
      String[] parts = line.split(" ", 4);
      if (parts.length == 4 && (parts[1].equals("x") || parts[1].equals("-"))) {
        return new RegularFile(parts[3], Long.parseLong(parts[2]), parts[1].equals("x"));
      }
    } else if (line.startsWith("l ")) {
      int tab = line.indexOf('\t');
      if (tab > 2) {
        return new Symlink(line.substring(2, tab), line.substring(tab + 1));
      }
    }
    throw new IllegalArgumentException("bad manifest line: " + line);
  }

  /** The first thing in {@code dir} that differs from this manifest; empty when all match. */
  Optional<String> firstProblem(Path dir) {
    for (Entry e : entries) {
      Path p = dir.resolve(e.path());
      try {
        switch (e) {
          case RegularFile f -> {
            BasicFileAttributes attrs = attributes(p);
            if (!attrs.isRegularFile()) {
              return Optional.of(e.path() + " is not a regular file");
            }
            if (attrs.size() != f.size()) {
              return Optional.of(e.path() + " has " + attrs.size() + " bytes, not " + f.size());
            }
            if (attrs instanceof PosixFileAttributes posix
                && !posix.permissions().equals(FileModes.fileMode(f.executable()))) {
              return Optional.of(e.path() + " has mode " + posix.permissions());
            }
          }
          case Symlink l -> {
            if (!Files.isSymbolicLink(p)
                || !Files.readSymbolicLink(p).toString().equals(l.target())) {
              return Optional.of(e.path() + " is not a symlink to " + l.target());
            }
          }
        }
      } catch (IOException ex) {
        return Optional.of(e.path() + " is missing (" + ex.getClass().getSimpleName() + ")");
      }
    }
    return Optional.empty();
  }

  private static BasicFileAttributes attributes(Path p) throws IOException {
    if (FileModes.isPosix(p)) {
      return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
    return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }
}
