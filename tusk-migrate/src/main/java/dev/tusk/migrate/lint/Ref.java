package dev.tusk.migrate.lint;

/**
 * A name as a statement writes it, {@code name}, {@code schema.name} or {@code db.schema.name},
 * before it is resolved against the search path.
 *
 * @param schema the schema as written, or null when the name is unqualified
 * @param first the index of its first token
 * @param next the index of the token after it
 */
record Ref(String schema, String name, int first, int next) {

  /** The name starting at token {@code i}, or null when no name is there. */
  static Ref at(Stmt s, int i) {
    if (i >= s.size() || !s.get(i).isName()) {
      return null;
    }
    String a = null;
    String b = s.get(i).text();
    int j = i + 1;
    while (s.symbol(j, '.') && j + 1 < s.size() && s.get(j + 1).isName()) {
      a = b;
      b = s.get(j + 1).text();
      j += 2;
    }
    return new Ref(a, b, i, j);
  }
}
