package dev.tusk.engine.binaries;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules that keep a tar archive inside its target directory. Entry names must be relative paths
 * of plain names. A symlink target must be relative: some leading {@code ..} (no more than the
 * link's own depth) and then plain names. With every link held to that form, following any chain of
 * links from inside the target stays inside; a lexical check on targets such as {@code up/../..}
 * would not (if {@code up} is itself a link to {@code ..}).
 */
final class EntryPaths {

  private EntryPaths() {}

  /**
   * The plain-name components of an entry name ({@code ./} and empty parts dropped).
   *
   * @throws IllegalArgumentException with the reason when the name could escape or is garbled
   */
  static List<String> components(String name) {
    checkCharacters(name);
    if (name.startsWith("/")) {
      throw new IllegalArgumentException("absolute path");
    }
    if (name.length() >= 2 && name.charAt(1) == ':') {
      throw new IllegalArgumentException("drive-letter path");
    }
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new IllegalArgumentException("'..' in the path");
      }
      parts.add(part);
    }
    return parts;
  }

  /**
   * Checks a symlink target for a link whose parent directory is {@code parentDepth} levels below
   * the target root.
   *
   * @throws IllegalArgumentException with the reason when the link could point outside
   */
  static void checkLinkTarget(String target, int parentDepth) {
    checkCharacters(target);
    if (target.isEmpty()) {
      throw new IllegalArgumentException("empty symlink target");
    }
    if (target.startsWith("/")) {
      throw new IllegalArgumentException("symlink to an absolute path " + target);
    }
    String[] parts = target.split("/", -1);
    int ups = 0;
    while (ups < parts.length && parts[ups].equals("..")) {
      ups++;
    }
    if (ups > parentDepth) {
      throw new IllegalArgumentException("symlink target " + target + " leaves the directory");
    }
    for (int i = ups; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException(
            "symlink target " + target + " is not of the form [../]name[/name]");
      }
    }
  }

  private static void checkCharacters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        throw new IllegalArgumentException(
            "control character or backslash in " + s.replaceAll("\\p{Cntrl}", "?"));
      }
    }
  }
}
