package microfactory.equipment;

import java.time.Instant;

import microfactory.equipment.jobfiles.JobFileKind;

/**
 * A booking's job file as read: lines and moves, the estimated run time, its extent (mm), tool changes, and the end of
 * the booking the estimate suggests (its start plus the estimate, rounded up to a quarter hour).
 */
public record JobSummary(long booking, JobFileKind kind, String fileName, int lines, int moves, int estimatedMinutes, String bounds, int toolChanges,
                         Instant suggestedEnd, boolean fitsBooking, String previewUrl) {
}
