package org.storyline.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Time for the follower: what time it is and how to wait. The system clock sleeps; tests pass a manual clock whose
 * sleep only moves its time forward, so politeness delays, backoff and schedules are tested without waiting.
 */
public interface FollowClock {
  Instant now();

  /** Waits for {@code d} (no-op when zero or negative). */
  void sleep(Duration d) throws InterruptedException;

  /** The wall clock: {@link Clock#systemUTC()} and {@link Thread#sleep}. */
  static FollowClock system() {
    return new FollowClock() {
      @Override
      public Instant now() {
        return Clock.systemUTC().instant();
      }

      @Override
      public void sleep(Duration d) throws InterruptedException {
        if (!d.isNegative() && !d.isZero()) Thread.sleep(d.toMillis(), 0);
      }
    };
  }

  /** A clock that stands still until slept on or advanced; thread-safe. */
  static Manual manual(Instant start) {
    return new Manual(start);
  }

  /** A manual clock: {@link #sleep} and {@link #advance} move it; nothing waits. */
  final class Manual implements FollowClock {
    private Instant now;
    private Duration slept = Duration.ZERO;

    Manual(Instant start) {
      this.now = start;
    }

    @Override
    public synchronized Instant now() {
      return now;
    }

    @Override
    public synchronized void sleep(Duration d) {
      if (d.isNegative() || d.isZero()) return;
      now = now.plus(d);
      slept = slept.plus(d);
    }

    public synchronized void advance(Duration d) {
      now = now.plus(d);
    }

    /** Total time slept so far (politeness delays, backoff, Retry-After waits). */
    public synchronized Duration slept() {
      return slept;
    }
  }
}
