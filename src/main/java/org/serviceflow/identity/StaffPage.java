package org.serviceflow.identity;

import java.util.Collection;

/**
 * A page of ours, outside the Camunda webapps, that only some groups may open. {@code GET /api/me} names those the
 * caller may open ({@code pages}), so that Tasklist cards and our other pages link only there.
 */
public interface StaffPage {

  /** The page's path, e.g. {@code /knowledge}. */
  String path();

  /** Whether a member of these groups may open the page (its API answers them). */
  boolean mayOpen(Collection<String> groupIds);
}
