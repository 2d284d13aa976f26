/**
 * The pipeline: {@link org.storyline.pipeline.Pipeline} assembles every stage once, and every entry point (the CLI's
 * {@code analyze}, {@code ingest} and {@code demo}, the store's story views, the server, the evaluation) runs
 * articles through it instead of wiring stages of its own.
 */
package org.storyline.pipeline;
