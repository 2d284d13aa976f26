/**
 * Facts compared across outlets by meaning, and summaries made of them ({@link org.storyline.facts.FactTables}).
 *
 * <p>A story's reports are cut into statements (sentences, the clauses of sentences that join several, and the
 * predicates of a subject that governs several, the subject carried to each); two
 * statements of different reports state the same fact when their sentence embeddings (all-MiniLM-L6-v2, the model
 * story clustering ships) are close enough, helped by the share of rare words they have in common, unless their
 * numbers or named people differ ({@code Agreement}, thresholds with the measurements that set them). Two reports'
 * leads agree at a lower bar when one person acts in both in the same kind of way, and an article's opening statement
 * that restates its lead joins the lead's fact. Statements are grouped into facts in report order
 * ({@code Alignment}); a fact one report alone states, in any wording, is unique to it. Summaries take the most reported facts first, each once, within a length budget ({@code Summaries}).
 *
 * <p>Measured by {@code storyline eval facts}: gold.json's four outlet-unique facts, the precision of unique claims
 * judged by hand on the seeds and on ten AllSides dev roundups, and ROUGE of the summaries against AllSides' own,
 * beside lead-3 and a centroid baseline. Without embeddings ({@code --no-embeddings}) words, names, numbers and
 * dates decide alone.
 */
package org.storyline.facts;
