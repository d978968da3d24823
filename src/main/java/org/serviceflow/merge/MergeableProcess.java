package org.serviceflow.merge;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serviceflow.casefile.CaseType;

/**
 * What 并单 needs to know of a process whose repeat contacts may be merged: implemented by the process's own package
 * (complaint, hotline), so that this package never imports a process package. The process model must handle
 * {@link RepeatContacts#MESSAGE} with a non-interrupting event subprocess that calls {@code recordRepeatContactDelegate}.
 */
public interface MergeableProcess {

  CaseType type();

  /** The groups that take in this process's contacts (its intake staff); they may look for duplicates and merge. */
  Set<String> intakeGroups();

  /** The lead who may split a wrong merge off again (拆单). */
  String leadGroup();

  /** The process variable holding the subject text compared for similarity (e.g. the complaint's content). */
  String subjectVariable();

  /** The process variable holding the order or serial number, when the process has one. */
  Optional<String> referenceVariable();

  /** Why this process does not take a contact on this channel (a message for field channel), empty when it does. */
  Optional<String> channelProblem(String channel);

  /**
   * Starts a new case of this process, through the process's normal intake, for a contact split off its master:
   * the caller, phone, text, channel and order number are the contact's, everything else the intake needs is
   * taken from the master's variables; the lead who splits is the new case's intake clerk ({@code intakeUser}).
   * Called as the system (no authenticated user). Returns the new case number.
   */
  String startSplitCase(SplitContact contact, Map<String, Object> masterVariables);

  /** A merged contact being split off: what it said, which case it was merged into, and who splits it. */
  record SplitContact(String masterCaseNumber, String callerName, String callerPhone, String text, String channel,
      String orderNumber, String intakeUser) {
  }
}
