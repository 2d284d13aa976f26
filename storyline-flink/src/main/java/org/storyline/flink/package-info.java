/**
 * Storyline as an Apache Flink DataStream job over Apache Kafka (docs/flink.md): {@link
 * org.storyline.flink.StorylineJob} wires a source of raw records, the stateless {@link
 * org.storyline.flink.ExtractArticles}, the keyed {@link org.storyline.flink.AssignStories} (the story stream in
 * Flink keyed state, articles fed in publish order per {@link org.storyline.flink.PartitionKey}) and exactly-once
 * Kafka sinks; {@link org.storyline.flink.JobConfig} is its strict configuration; {@link org.storyline.flink.Topics},
 * {@link org.storyline.flink.Stories}, {@link org.storyline.flink.StoreLoader} and {@link org.storyline.flink.Tools}
 * are its edges outside Flink (publish inputs, read outputs, load a store). Every stage is a core class called as
 * the CLI calls it; nothing here decides a story.
 */
package org.storyline.flink;
