package org.serviceflow.notification;

/** A template filled with its parameters: what is stored in the outbox and sent as is. */
record RenderedMessage(String subject, String body) {}
