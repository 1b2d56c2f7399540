package dev.tusk.migrate.lint;

/**
 * One thing lint found: which rule, where ({@code file:line:column}, 1-based, the column counted in
 * characters), what is wrong and what to do.
 *
 * @param file the migration file's name, as in the migrations directory
 */
public record LintFinding(
    Rule rule, Severity severity, String file, int line, int column, String message, String hint) {}
