package org.storyline.extract;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.storyline.resources.Resources;

/**
 * Known news outlets (resource {@code outlets.tsv}): web domain to outlet name, plus aliases (other spellings,
 * names used in "Source:" lines, desk bylines such as "FP News Desk"). Immutable, thread-safe.
 */
public final class OutletTable {
  private final Map<String, String> byDomain = new HashMap<>();
  private final Map<String, String> byName = new HashMap<>();

  public OutletTable() {
    for (String line : Resources.entries(OutletTable.class, "outlets.tsv")) {
      String[] f = line.split("\t");
      if (f.length < 2) continue;
      String domain = f[0].strip().toLowerCase(Locale.ROOT);
      String name = f[1].strip();
      byDomain.putIfAbsent(domain, name);
      byName.putIfAbsent(key(name), name);
      if (f.length > 2) {
        for (String alias : f[2].split("\\|")) {
          if (!alias.isBlank()) byName.putIfAbsent(key(alias), name);
        }
      }
    }
  }

  /** The outlet for a URL's host or any parent domain of it ({@code edition.cnn.com} -> CNN); null if unknown. */
  public String forUrl(String url) {
    String host = host(url);
    if (host == null) return null;
    String h = host;
    while (true) {
      String n = byDomain.get(h);
      if (n != null) return n;
      int dot = h.indexOf('.');
      if (dot < 0 || h.indexOf('.', dot + 1) < 0) return null;
      h = h.substring(dot + 1);
    }
  }

  /** The canonical outlet name for a printed name or alias ("Anadolu Ajansı" -> "Anadolu Agency"); null if unknown. */
  public String forName(String name) {
    return name == null ? null : byName.get(key(name));
  }

  static String host(String url) {
    if (url == null) return null;
    try {
      String h = URI.create(url.strip()).getHost();
      if (h == null) return null;
      h = h.toLowerCase(Locale.ROOT);
      return h.startsWith("www.") ? h.substring(4) : h;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String key(String s) {
    String k = s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return k.startsWith("the ") ? k.substring(4) : k;
  }

  List<String> names() {
    return List.copyOf(byName.values());
  }
}
