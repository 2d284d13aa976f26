package org.storyline.resources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The one loader of the tables and models shipped on the class path. A name is resolved like
 * {@link Class#getResourceAsStream}: relative to the anchor class's package, or absolute when it starts with
 * {@code /}. Text tables are UTF-8, one entry a line; {@link #entries} strips each line and drops blank lines and
 * {@code #} comments, and reads {@code .gz} files through gzip. A required resource that is missing is a packaging
 * error and fails with {@link IllegalStateException} naming it. Stateless, thread-safe.
 *
 * <pre>{@code
 * List<String> wires = Resources.entries(WireList.class, "wires.txt");
 * }</pre>
 */
public final class Resources {
  private Resources() {}

  /** Opens a required resource as raw bytes (the caller closes it). @throws IllegalStateException when missing */
  public static InputStream open(Class<?> anchor, String name) {
    InputStream in = anchor.getResourceAsStream(name);
    if (in == null) throw new IllegalStateException("missing resource " + path(anchor, name));
    return in;
  }

  /** Whether the resource is on the class path. */
  public static boolean exists(Class<?> anchor, String name) {
    return anchor.getResource(name) != null;
  }

  /**
   * The entries of a required table: each line stripped, blank lines and lines starting with {@code #} dropped.
   * @throws IllegalStateException when missing
   */
  public static List<String> entries(Class<?> anchor, String name) {
    return read(open(anchor, name), name);
  }

  /** As {@link #entries}, but an empty list when the table is not shipped (optional data, e.g. trained tables). */
  public static List<String> optionalEntries(Class<?> anchor, String name) {
    InputStream in = anchor.getResourceAsStream(name);
    return in == null ? List.of() : read(in, name);
  }

  private static List<String> read(InputStream raw, String name) {
    try (InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> out = new ArrayList<>();
      for (String line; (line = r.readLine()) != null; ) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) out.add(t);
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String path(Class<?> anchor, String name) {
    if (name.startsWith("/")) return name;
    return "/" + anchor.getPackageName().replace('.', '/') + "/" + name;
  }
}
