package dev.tusk.migrate.lint;

/** Where a finding points: a line and column, and the statement whose comments may suppress it. */
record Spot(Stmt stmt, int line, int column) {}
