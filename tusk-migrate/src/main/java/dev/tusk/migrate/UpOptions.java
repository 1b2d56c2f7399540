package dev.tusk.migrate;

import java.util.Optional;

/**
 * What {@code up} should do.
 *
 * @param target apply versions up to and including this one (it must be a file's version); empty
 *     applies everything pending
 * @param allowOutOfOrder apply pending versions older than the latest applied one instead of
 *     refusing (e.g. after merging a branch whose migration was written earlier)
 * @param dryRun plan and return the SQL without running it or taking the lock
 */
public record UpOptions(Optional<Version> target, boolean allowOutOfOrder, boolean dryRun) {

  /** Everything pending, in order, for real. */
  public static UpOptions all() {
    return new UpOptions(Optional.empty(), false, false);
  }
}
