/**
 * Small general-purpose pieces that several modules share and that belong to no pipeline stage:
 * {@link org.storyline.util.BoundedCache}, the one least-recently-used cache with a size cap behind the store's
 * story views and search pages, the server's rendered pages and the fact tables' sentence vectors; and
 * {@link org.storyline.util.Searches}, a pattern's search tried only where a match can start.
 */
package org.storyline.util;
