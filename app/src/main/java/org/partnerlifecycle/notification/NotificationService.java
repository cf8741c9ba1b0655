package org.partnerlifecycle.notification;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The one way the app sends anything to anyone: renders a text template (templates/mail/NAME.txt, whose first
 * line is "Subject: ..."), stores it in the outbox in the caller's transaction, and leaves delivery to
 * {@link NotificationDispatcher}. The idempotency key makes a repeated job send nothing twice.
 */
@Service
public class NotificationService {

  private final NotificationRepository outbox;
  private final Clock clock;
  private final TemplateEngine templates = textTemplates();

  public NotificationService(NotificationRepository outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public Notification send(Long partnerId, String recipient, String template, Map<String, Object> model,
      String idempotencyKey) {
    var existing = outbox.findByIdempotencyKey(idempotencyKey);
    if (existing.isPresent()) {
      return existing.get();
    }
    String rendered = render(template, model);
    int firstBreak = rendered.indexOf('\n');
    String firstLine = firstBreak < 0 ? rendered : rendered.substring(0, firstBreak);
    if (!firstLine.startsWith("Subject: ")) {
      throw new IllegalStateException("mail template " + template + " must start with a 'Subject: ' line");
    }
    String body = firstBreak < 0 ? "" : rendered.substring(firstBreak + 1).strip();
    return outbox.save(new Notification(partnerId, recipient, template, firstLine.substring(9).strip(), body,
        idempotencyKey, clock.instant()));
  }

  String render(String template, Map<String, Object> model) {
    return templates.process(template, new Context(java.util.Locale.ENGLISH, model));
  }

  private static TemplateEngine textTemplates() {
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    var engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
