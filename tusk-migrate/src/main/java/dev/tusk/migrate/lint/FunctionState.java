package dev.tusk.migrate.lint;

/**
 * One function or procedure as the files leave it: is it {@code SECURITY DEFINER}, and is its
 * {@code search_path} pinned by a {@code SET} clause.
 *
 * @param signature its argument types, normalised ({@link Signature}); null when only an {@code
 *     ALTER FUNCTION} without arguments named it
 * @param definerAt where it became SECURITY DEFINER; null when it is not
 */
record FunctionState(String signature, Spot definerAt, boolean pinned) {

  FunctionState withDefiner(Spot at) {
    return new FunctionState(signature, at, pinned);
  }

  FunctionState withPinned(boolean on) {
    return new FunctionState(signature, definerAt, on);
  }
}
