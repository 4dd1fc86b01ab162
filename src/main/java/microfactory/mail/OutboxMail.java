package microfactory.mail;

import java.time.Instant;

/** One mail in the outbox; {@code body} is null once sent (it may have held a one-time link). */
public record OutboxMail(long id, Instant createdAt, String recipient, String subject, String body, MailStatus status,
                         String error, Instant sentAt) {
}
