package dev.tusk.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CREATE, ALTER and DROP of functions and procedures, for {@code security-definer-search-path}.
 * Only the clauses outside the argument list and before the body count: a dollar-quoted or quoted
 * body is one string token, and a SQL-standard body ({@code BEGIN ATOMIC ... END}, {@code RETURN
 * ...}) ends the scan, so words inside a body never read as clauses.
 */
final class Routines {

  /** What a run of clauses says; null fields say nothing. */
  private record Clauses(Boolean definer, int definerAt, Boolean pinned) {}

  private Routines() {}

  /** CREATE [OR REPLACE] FUNCTION|PROCEDURE, with {@code i} at the name. */
  static void create(Stmt s, int i, LintContext ctx) {
    Ref ref = Ref.at(s, i);
    if (ref == null || !s.symbol(ref.next(), '(')) {
      return;
    }
    int close = s.closing(ref.next());
    Optional<ObjectName> name = ctx.resolveNew(ref);
    if (name.isEmpty()) {
      return;
    }
    Clauses c = clauses(s, close + 1);
    boolean definer = Boolean.TRUE.equals(c.definer());
    ctx.catalog.define(
        name.get(),
        new FunctionState(
            Signature.of(s, ref.next(), close),
            definer ? s.spot(c.definerAt()) : null,
            Boolean.TRUE.equals(c.pinned())));
  }

  /** ALTER FUNCTION|PROCEDURE|ROUTINE, with {@code i} at the name. */
  static void alter(Stmt s, int i, LintContext ctx) {
    Ref ref = Ref.at(s, i);
    if (ref == null) {
      return;
    }
    int k = ref.next();
    String signature = null;
    if (s.symbol(k, '(')) {
      signature = Signature.of(s, k, s.closing(k));
      k = s.closing(k) + 1;
    }
    Optional<ObjectName> name = ctx.resolveFunction(ref);
    if (name.isEmpty()) {
      return;
    }
    if (s.words(k, "rename", "to") && k + 2 < s.size() && s.get(k + 2).isName()) {
      move(name.get(), signature, new ObjectName(name.get().schema(), s.get(k + 2).text()), ctx);
      return;
    }
    if (s.words(k, "set", "schema") && k + 2 < s.size() && s.get(k + 2).isName()) {
      move(name.get(), signature, new ObjectName(s.get(k + 2).text(), name.get().name()), ctx);
      return;
    }
    Clauses c = clauses(s, k);
    if (c.definer() == null && c.pinned() == null) {
      return;
    }
    List<FunctionState> list =
        ctx.catalog.functions().computeIfAbsent(name.get(), n -> new ArrayList<>());
    for (int index : ctx.catalog.overloads(name.get(), signature, true)) {
      FunctionState f = list.get(index);
      if (c.definer() != null) {
        f = f.withDefiner(c.definer() ? s.spot(c.definerAt()) : null);
      }
      if (c.pinned() != null) {
        f = f.withPinned(c.pinned());
      }
      list.set(index, f);
    }
  }

  /**
   * DROP FUNCTION|PROCEDURE|ROUTINE [IF EXISTS] name[(args)], ..., with {@code i} after the kind.
   */
  static void drop(Stmt s, int i, LintContext ctx) {
    if (s.words(i, "if", "exists")) {
      i += 2;
    }
    for (Elements.Range r : Elements.split(s, i, s.size(), 0)) {
      Ref ref = Ref.at(s, r.from());
      if (ref == null) {
        continue;
      }
      String signature =
          s.symbol(ref.next(), '(') ? Signature.of(s, ref.next(), s.closing(ref.next())) : null;
      Optional<ObjectName> name = ctx.resolveFunction(ref);
      if (name.isPresent() && ctx.catalog.hasFunction(name.get())) {
        List<FunctionState> list = ctx.catalog.functions().get(name.get());
        List<Integer> gone = ctx.catalog.overloads(name.get(), signature, false);
        for (int g = gone.size() - 1; g >= 0; g--) {
          list.remove((int) gone.get(g));
        }
        if (list.isEmpty()) {
          ctx.catalog.functions().remove(name.get());
        }
      }
    }
  }

  private static void move(ObjectName from, String signature, ObjectName to, LintContext ctx) {
    if (!ctx.catalog.hasFunction(from)) {
      return;
    }
    List<FunctionState> list = ctx.catalog.functions().get(from);
    List<Integer> moved = ctx.catalog.overloads(from, signature, false);
    for (int g = moved.size() - 1; g >= 0; g--) {
      FunctionState f = list.remove((int) moved.get(g));
      ctx.catalog.define(to, f);
    }
    if (list.isEmpty()) {
      ctx.catalog.functions().remove(from);
    }
  }

  /**
   * The routine clauses from token {@code k} at depth 0: SECURITY DEFINER / INVOKER (optionally
   * after EXTERNAL), SET search_path (TO DEFAULT unpins), RESET search_path and RESET ALL.
   */
  private static Clauses clauses(Stmt s, int k) {
    Boolean definer = null;
    int definerAt = -1;
    Boolean pinned = null;
    for (int j = k; j < s.size(); j++) {
      if (s.get(j).depth() != 0) {
        continue;
      }
      if (s.words(j, "begin", "atomic") || s.words(j, "return")) {
        break;
      }
      if (s.words(j, "security", "definer")) {
        definer = true;
        definerAt = s.words(j - 1, "external") ? j - 1 : j;
      } else if (s.words(j, "security", "invoker")) {
        definer = false;
      } else if (s.words(j, "set") && isSearchPath(s, j + 1)) {
        int v = j + 2;
        pinned = !((s.words(v, "to") || s.symbol(v, '=')) && s.words(v + 1, "default"));
      } else if (s.words(j, "reset") && (isSearchPath(s, j + 1) || s.words(j + 1, "all"))) {
        pinned = false;
      }
    }
    return new Clauses(definer, definerAt, pinned);
  }

  private static boolean isSearchPath(Stmt s, int i) {
    return i < s.size() && s.get(i).isName() && s.get(i).text().equals("search_path");
  }
}
