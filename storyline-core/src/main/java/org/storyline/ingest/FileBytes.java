package org.storyline.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a file's bytes, gunzipping {@code .gz} files (or any file starting with the gzip magic), at most a given
 * number of bytes. A gzip stream that ends early or is corrupt yields the bytes read before the break.
 */
final class FileBytes {
  private FileBytes() {}

  /** What was read: the bytes, whether the limit cut them, and why the stream broke off early (null if it did not). */
  record Read(byte[] bytes, boolean capped, String broken) {
    boolean empty() {
      return bytes.length == 0;
    }
  }

  static boolean isGzipName(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  /** The file name without a trailing {@code .gz}, lower-cased, for matching extensions. */
  static String innerName(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
  }

  /** Opens the file, transparently gunzipping it when it is gzip (by name or by magic bytes). */
  static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      try {
        return new GZIPInputStream(raw, 1 << 16);
      } catch (EOFException | ZipException e) {
        raw.close();
        return failing(e); // a broken gzip header: reported by the reader like a break later in the stream
      }
    }
    return raw;
  }

  private static InputStream failing(IOException e) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        throw e;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        throw e;
      }
    };
  }

  static Read read(Path file, int max) throws IOException {
    boolean gz = isGzipName(file) || startsWithGzipMagic(file);
    try (InputStream in = open(file)) {
      return read(in, max, gz);
    }
  }

  static Read read(InputStream in, int max, boolean gz) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 1 << 16));
    byte[] buf = new byte[1 << 16];
    String broken = null;
    boolean capped = false;
    try {
      while (true) {
        int want = Math.min(buf.length, max - out.size());
        if (want == 0) {
          capped = in.read() >= 0;
          break;
        }
        int n = in.read(buf, 0, want);
        if (n < 0) break;
        out.write(buf, 0, n);
      }
    } catch (EOFException e) {
      broken = gz ? "truncated gzip" : "truncated";
    } catch (ZipException e) {
      broken = "corrupt gzip (" + e.getMessage() + ")";
    } catch (IOException e) {
      broken = "read error (" + e.getMessage() + ")";
    }
    return new Read(out.toByteArray(), capped, broken);
  }

  static boolean startsWithGzipMagic(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    } catch (IOException e) {
      return false;
    }
  }
}
