package org.storyline.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Field-level writing of the saved story state (see {@link StoryStream}): strings and bounded counts. */
final class StateIO {
  private StateIO() {}

  /** A nullable string of any length as UTF-8 (no object handle, unlike writeObject; no 64 KB limit, unlike writeUTF). */
  static void writeString(java.io.DataOutput out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readString(java.io.DataInput in) throws IOException {
    int n = in.readInt();
    if (n < -1 || n > (1 << 24)) throw new java.io.InvalidObjectException("bad string length " + n);
    if (n == -1) return null;
    byte[] b = new byte[n];
    in.readFully(b);
    // interned: the saved state repeats each term once per article and story that holds it (a third of a server's
    // heap at 100k articles when each was its own String)
    return new String(b, StandardCharsets.UTF_8).intern();
  }

  static int count(java.io.DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 24)) throw new java.io.InvalidObjectException("bad count " + n);
    return n;
  }
}
