/**
 * Loading what the engine ships on the class path: the heuristic tables (one entry a line) and the models, through
 * the one {@link org.storyline.resources.Resources} loader.
 */
package org.storyline.resources;
