package dev.tusk.cli.scaffold;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * {@code tusk init [DIR]}: writes a commented tusk.yaml, migrations/, sql/001-init.sql and a
 * .gitignore into DIR, creating DIR if needed. It never overwrites: every target is checked before
 * anything is written, and if one exists (even as a dangling symlink) it refuses and writes
 * nothing. Files are created with CREATE_NEW, so one appearing between the check and the write is
 * not overwritten either; if a write fails, what this run created is removed again.
 */
public final class Scaffold {

  /** What was written: the project directory and the files, in the order they were written. */
  public record Result(Path dir, List<Path> files) {
    public Result {
      files = List.copyOf(files);
    }
  }

  public Result create(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    checkDirectory(root);
    checkTargets(root);
    List<String> contents = Template.ALL.stream().map(Template::read).toList();
    Deque<Path> created = new ArrayDeque<>();
    Path current = root;
    try {
      createDirectories(root, created);
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < Template.ALL.size(); i++) {
        current = root.resolve(Template.ALL.get(i).target());
        createDirectories(current.getParent(), created);
        try (OutputStream out = Files.newOutputStream(current, StandardOpenOption.CREATE_NEW)) {
          created.push(current); // ours from here on: undo removes it if the write fails
          out.write(contents.get(i).getBytes(StandardCharsets.UTF_8));
        }
        files.add(current);
      }
      return new Result(root, files);
    } catch (FileAlreadyExistsException e) {
      undo(created); // something appeared after the check: still never overwrite
      throw exists(List.of(e.getFile() != null ? Path.of(e.getFile()) : current));
    } catch (IOException e) {
      undo(created);
      throw new OperationException(
          "init.write_failed",
          "could not write " + current + ": " + reason(e) + "; removed what this run had written",
          "check that the directory is writable and the disk has space, then run tusk init again",
          e);
    }
  }

  private static String reason(IOException e) {
    return switch (e) {
      case AccessDeniedException a -> "permission denied";
      case NotDirectoryException n -> n.getFile() + " is not a directory";
      default -> e.getClass().getSimpleName() + " " + e.getMessage();
    };
  }

  /** DIR, or its closest existing ancestor, must be a directory. */
  private static void checkDirectory(Path root) {
    for (Path p = root; p != null; p = p.getParent()) {
      if (Files.isDirectory(p)) {
        return;
      }
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new ConfigException(
            "init.not_a_directory",
            "cannot create a project in " + root + ": " + p + " exists and is not a directory",
            "give tusk init a new or existing directory");
      }
    }
  }

  private static void checkTargets(Path root) {
    List<Path> existing = new ArrayList<>();
    for (Template template : Template.ALL) {
      Path target = root.resolve(template.target());
      Path parent = target.getParent();
      if (!parent.equals(root)
          && Files.exists(parent, LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(parent)) {
        existing.add(parent);
      } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        existing.add(target);
      }
    }
    if (!existing.isEmpty()) {
      throw exists(existing);
    }
  }

  private static ConfigException exists(List<Path> existing) {
    List<String> names = existing.stream().map(Path::toString).distinct().toList();
    return new ConfigException(
        "init.exists",
        "refusing to overwrite " + String.join(", ", names) + "; nothing was written",
        "move "
            + (names.size() == 1 ? "it" : "them")
            + " aside or run tusk init in another directory");
  }

  private static void createDirectories(Path dir, Deque<Path> created) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.push(p);
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      created.push(p);
    }
  }

  /** Best effort: remove what this run created, newest first. */
  private static void undo(Deque<Path> created) {
    for (Path p : created) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // Leave it; the error the caller reports says what failed.
      }
    }
  }
}
