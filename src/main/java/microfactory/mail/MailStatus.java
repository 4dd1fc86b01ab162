package microfactory.mail;

/** Where a mail is: held (no SMTP server configured), on its way, sent, or failed (the error says why). */
public enum MailStatus {
    HELD, SENDING, SENT, FAILED
}
