package org.partnerlifecycle.notification;

import java.util.HashMap;
import java.util.Map;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.onboarding.PartnerApplicationRepository;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerService;
import org.springframework.stereotype.Component;

/**
 * Sends a notification to a partner's contact: the person who applied, or else the company's first portal user.
 * Every template gets partnerName and contactName.
 */
@Component
public class PartnerNotifier {

  private final NotificationService notifications;
  private final PartnerService partners;
  private final PartnerApplicationRepository applications;
  private final UserAccountRepository accounts;

  public PartnerNotifier(NotificationService notifications, PartnerService partners,
      PartnerApplicationRepository applications, UserAccountRepository accounts) {
    this.notifications = notifications;
    this.partners = partners;
    this.applications = applications;
    this.accounts = accounts;
  }

  public record Contact(String name, String email) {}

  public Contact contactOf(long partnerId) {
    return applications.findByPartnerId(partnerId)
        .map(a -> new Contact(a.getContactName(), a.getContactEmail()))
        .or(() -> accounts.findByPartnerIdOrderByUsername(partnerId).stream().findFirst()
            .map(u -> new Contact(u.getDisplayName(), u.getEmail())))
        .orElseThrow(() -> new IllegalStateException("partner " + partnerId + " has no contact to notify"));
  }

  public Notification notifyPartner(long partnerId, String template, Map<String, ?> extra, String idempotencyKey) {
    Partner partner = partners.get(partnerId);
    Contact contact = contactOf(partnerId);
    Map<String, Object> model = new HashMap<>(extra);
    model.put("partnerName", partner.getLegalName());
    model.put("contactName", contact.name());
    return notifications.send(partnerId, contact.email(), template, model, idempotencyKey);
  }
}
