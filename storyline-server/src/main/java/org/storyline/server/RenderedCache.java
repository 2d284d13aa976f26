package org.storyline.server;

import java.io.IOException;
import org.storyline.util.BoundedCache;

/**
 * Rendered responses (a story's page and its JSON) kept for as long as what they were rendered from is current: an
 * entry answers only for the same source object (the story view the library holds, replaced when the story, its
 * storyline or the snapshot's data for it change) and the same read-model version (entity links on a page), so a
 * cached body is never one the server would not render now. Bounded by total size; least recently used first out.
 */
final class RenderedCache {
  /** A renderer of one body. */
  interface Render {
    byte[] render() throws IOException;
  }

  private record Entry(Object source, long version, byte[] body) {}

  private final long maxBytes;
  private final BoundedCache<String, Entry> entries;

  RenderedCache(long maxBytes) {
    if (maxBytes < 0) throw new IllegalArgumentException("maxBytes must be >= 0: " + maxBytes);
    this.maxBytes = maxBytes;
    this.entries = BoundedCache.ofWeight(maxBytes, e -> e.body().length);
  }

  /** The body kept under {@code key} for this source and version, or the one {@code render} makes (then kept). */
  byte[] get(String key, Object source, long version, Render render) throws IOException {
    Entry e = entries.get(key);
    if (e != null && e.source() == source && e.version() == version) return e.body();
    byte[] body = render.render();
    if (body.length > maxBytes / 16) return body; // one page may not push out many
    entries.put(key, new Entry(source, version, body));
    return body;
  }
}
