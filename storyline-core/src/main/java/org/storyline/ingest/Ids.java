package org.storyline.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable article ids: file name without extension(s), or a hash of the URL. */
public final class Ids {
  private Ids() {}

  public static String fromFile(Path file) {
    String n = file.getFileName().toString();
    for (String ext : new String[] {".gz", ".txt", ".md", ".html", ".htm", ".xhtml", ".warc", ".jsonl", ".xml",
        ".rss", ".atom"}) {
      if (n.toLowerCase(java.util.Locale.ROOT).endsWith(ext)) n = n.substring(0, n.length() - ext.length());
    }
    return n;
  }

  public static String fromUrl(String url) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return "u" + HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
