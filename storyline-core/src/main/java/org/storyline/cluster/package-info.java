/**
 * Stories and storylines: duplicate and syndication detection, online story clustering, storyline linking, publish
 * date inference from story mates, and extractive labels.
 *
 * <p>{@link org.storyline.cluster.OnlineStoryStage} is the pipeline stage. It computes
 * {@link org.storyline.cluster.ArticleFeatures} for every article (in parallel: they depend on the article alone),
 * then streams them in publish order through a {@link org.storyline.cluster.StoryIndex}, which assigns each article
 * to a story as it arrives: first by exact keys (normalised URL, text hash) and MinHash bands for copies, else by the
 * best-scoring candidate story from an inverted index over story top terms (a learnt
 * {@link org.storyline.cluster.ScoreModel} over cosines of TF-IDF vectors with title, name, entity, quote and
 * number/date features, the cosine of the arguments alone, and conflicts of years, months and weekdays between
 * undated texts, times a time decay; see {@link org.storyline.cluster.ArgumentRules}). The time gap counts twice
 * (in the evidence and on the probability) only when the article's lead names an event day outside the story's dates
 * (another event of the same actors); an undated article also sees stories retired from the time window; without a
 * title, a URL slug's words stand in. A story's identity is its core, its first few dated reports
 * ({@link org.storyline.cluster.ClusterConfig#coreSize}): an article is scored against the core's centroid, mean
 * embedding and dates, not against the latest members, so a story cannot drift, and a report a day or more after the
 * core is a new development (a new story) unless it matches very strongly; storylines link the developments of one
 * arc. Story ids come from the first article and never change; a
 * merge of two stories is an explicit {@link org.storyline.cluster.StoryIndex.Event}. Every assignment explains itself
 * ({@link org.storyline.cluster.Assignment#explain()}). All tunables are in {@link org.storyline.cluster.ClusterConfig},
 * word lists in resources next to this package. Inside the index each stage has its own package-private class:
 * {@code DuplicateIndex} (copies by URL, text key and MinHash bands), {@code CandidateIndex} (the postings of live
 * stories, the archive of retired ones, the nearest by embedding), {@code StoryScorer} (the article's vector, its
 * score against a candidate, the follow-up and late-report rules, the second look, the explanation), and
 * {@code StoryState} (one story: articles, dates, centroid, core, members) with {@code Channels} (per-channel vector
 * arithmetic) and {@code TimeMarks} (years, months and weekdays named, and their conflicts).
 *
 * <p>Optionally (on by default in the pipeline, {@code OnlineStoryStage.defaults(true)}), a sentence embedding of
 * each article's title and lead ({@link org.storyline.nlp.Embedder}, computed in parallel with the features) is a
 * further evidence channel: a story keeps the normalised mean of its articles' embeddings, the embedding cosine adds
 * to (or, below an offset, takes from) the score, fading faster with the date gap than word evidence, and the nearest
 * of a bounded set of recently joined stories by embedding are candidates too. A dated article that names no new
 * event day and matches a story very strongly (model probability and embedding cosine both high) can follow it up
 * over any gap within the candidate window (off by default since story cores). Its tunables are in
 * {@link org.storyline.cluster.EmbeddingConfig}.
 */
package org.storyline.cluster;
