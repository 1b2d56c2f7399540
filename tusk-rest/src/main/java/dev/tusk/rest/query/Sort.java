package dev.tusk.rest.query;

import dev.tusk.rest.request.OrderTerm;
import java.util.Optional;

/** One ORDER BY term. */
public record Sort(
    Expr expr, Optional<OrderTerm.Direction> direction, Optional<OrderTerm.NullsOrder> nulls) {}
