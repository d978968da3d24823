package org.serviceflow.reporting;

/**
 * An event of the month that counts in a staff member's assessment (PROCESSES.md E; seeds 003:426–440, 003:321):
 * {@code type} is a rule of decision staffAssessmentDeductions, {@code days} the number of working days for a rule
 * counted per day (else 1).
 */
public record StaffEvent(String person, String type, String caseNumber, int days) {
}
