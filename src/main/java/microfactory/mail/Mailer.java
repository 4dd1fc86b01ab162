package microfactory.mail;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import microfactory.common.ChapterSettings;

/**
 * The chapter's e-mail, through Spring's mail support ({@code spring.mail.*}, any SMTP server). Every mail goes to the
 * outbox in the caller's transaction and is sent only after it commits, off the request's thread; so a failed change
 * sends nothing. With no SMTP server configured (the demo), mail stays in the outbox, which admins read at
 * /admin/outbox: a newcomer sees what would have been sent.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final OutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> smtp;
    private final ChapterSettings chapter;
    private final Clock clock;
    private final String from;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-sender");
        t.setDaemon(true);
        return t;
    });

    Mailer(OutboxRepository outbox, ObjectProvider<JavaMailSender> smtp, ChapterSettings chapter, Clock clock,
           @Value("${microfactory.mail.from:}") String from) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.chapter = chapter;
        this.clock = clock;
        this.from = from;
    }

    /** True when an SMTP server is configured: mail leaves the chapter; else it is held in the outbox. */
    public boolean sends() {
        return smtp.getIfAvailable() != null;
    }

    /** Queues a mail to one person; it is sent (or held) once the current transaction commits. */
    public void send(String to, String subject, String body) {
        String fullSubject = "[" + chapter.chapterName() + "] " + subject;
        JavaMailSender server = smtp.getIfAvailable();
        long id = outbox.insert(clock.instant(), to, fullSubject, body, server == null ? MailStatus.HELD : MailStatus.SENDING);
        if (server == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(sender());
        message.setTo(to);
        message.setSubject(fullSubject);
        message.setText(body);
        Runnable deliver = () -> sender.execute(() -> deliver(server, id, message));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver.run();
                }
            });
        } else {
            deliver.run();
        }
    }

    public List<OutboxMail> latest() {
        return outbox.latest(200);
    }

    private void deliver(JavaMailSender server, long id, SimpleMailMessage message) {
        try {
            server.send(message);
            outbox.sent(id, clock.instant());
        } catch (MailException e) {
            log.warn("Could not send mail {} to the SMTP server: {}", id, e.getMessage());
            outbox.failed(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** microfactory.mail.from, or no-reply at the chapter's public host. */
    private String sender() {
        if (!from.isBlank()) {
            return from;
        }
        String host = URI.create(chapter.publicUrl()).getHost();
        return "no-reply@" + (host == null || !host.contains(".") ? "microfactory.invalid" : host);
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}
