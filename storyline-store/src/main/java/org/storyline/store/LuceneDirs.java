package org.storyline.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Opening the store's Lucene indexes (the entity index, the story views) the one way they are opened: for writing,
 * created when missing, committed once so readers can open it at once, committed on close; for reading beside a
 * writer, only when an index is there.
 */
final class LuceneDirs {
  private LuceneDirs() {}

  /** The writer of the index in {@code dir} (created if needed); its {@link IndexWriter#getDirectory()} is the index's. */
  static IndexWriter openWriter(Path dir, Analyzer analyzer) throws IOException {
    Files.createDirectories(dir);
    Directory d = FSDirectory.open(dir);
    try {
      IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setCommitOnClose(true));
      if (!DirectoryReader.indexExists(d)) w.commit();
      return w;
    } catch (IOException | RuntimeException e) {
      d.close();
      throw e;
    }
  }

  /** The directory of the index in {@code dir}, or null when there is none yet. */
  static Directory openExisting(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return null;
    Directory d = FSDirectory.open(dir);
    if (DirectoryReader.indexExists(d)) return d;
    d.close();
    return null;
  }
}
