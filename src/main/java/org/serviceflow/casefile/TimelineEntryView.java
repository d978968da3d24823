package org.serviceflow.casefile;

import java.time.OffsetDateTime;

/** One timeline entry as read by staff and auditors. {@code activityId} names the BPMN element, when there is one. */
public record TimelineEntryView(OffsetDateTime occurredAt, String actor, String action, String activityId, String outcome) {
}
