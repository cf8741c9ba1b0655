package org.partnerlifecycle.onboarding;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.account.PortalAccess;
import org.partnerlifecycle.account.UserAccount;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.notification.NotificationService;
import org.partnerlifecycle.notification.PartnerNotifier;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.PartnerService.UnknownPartnerException;
import org.partnerlifecycle.partner.Tier;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTaskRepository;
import org.partnerlifecycle.workers.onboarding.OnboardingPort;
import org.partnerlifecycle.workers.support.InvalidJobInput;
import org.partnerlifecycle.workers.support.JobRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The domain side of the onboarding workers. Each method runs in one transaction: the record, the audit event
 * and the outbox notification commit together or not at all, and each is keyed by the job, so a job delivered
 * twice finds its effects in place and adds none.
 */
@Service
@Transactional
class OnboardingJobs implements OnboardingPort {

  private static final Logger log = LoggerFactory.getLogger(OnboardingJobs.class);

  private final PartnerService partners;
  private final PartnerApplicationRepository applications;
  private final PartnerBriefRepository briefs;
  private final AgreementRepository agreements;
  private final AgreementService agreementService;
  private final AgreementSignatureRepository signatures;
  private final TrainingAssignmentRepository training;
  private final UserAccountRepository accounts;
  private final UserTaskRepository userTasks;
  private final NotificationService notifications;
  private final PartnerNotifier notifier;
  private final PortalAccess portalAccess;
  private final OnboardingProperties settings;
  private final Clock clock;

  OnboardingJobs(PartnerService partners, PartnerApplicationRepository applications, PartnerBriefRepository briefs,
      AgreementRepository agreements, AgreementService agreementService, AgreementSignatureRepository signatures, TrainingAssignmentRepository training,
      UserAccountRepository accounts, UserTaskRepository userTasks, NotificationService notifications,
      PartnerNotifier notifier, PortalAccess portalAccess, OnboardingProperties settings, Clock clock) {
    this.partners = partners;
    this.applications = applications;
    this.briefs = briefs;
    this.agreements = agreements;
    this.agreementService = agreementService;
    this.signatures = signatures;
    this.training = training;
    this.accounts = accounts;
    this.userTasks = userTasks;
    this.notifications = notifications;
    this.notifier = notifier;
    this.portalAccess = portalAccess;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void recordStage(long partnerId, String stage, JobRef job) {
    LifecycleStage target;
    try {
      target = LifecycleStage.valueOf(stage.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new InvalidJobInput("header 'stage' names no lifecycle stage: '" + stage + "'");
    }
    moveTo(partnerId, target, job, null);
    if (target == LifecycleStage.APPLIED) {
      notifyContact(partnerId, "application-received", Map.of(), job);
    }
  }

  @Override
  public void decline(long partnerId, String reason, JobRef job) {
    application(partnerId).declined(reason);
    moveTo(partnerId, LifecycleStage.DECLINED, job, Map.of("reason", reason));
    notifyContact(partnerId, "application-declined", Map.of("reason", reason), job);
  }

  @Override
  public void generateBrief(long partnerId, JobRef job) {
    if (briefs.findByIdempotencyKey(job.effectKey("brief")).isEmpty()) {
      Partner partner = partner(partnerId);
      briefs.save(new PartnerBrief(partnerId, partner.getSegment(),
          ProgramTerms.brief(partner.getLegalName(), partner.getSegment()), job.effectKey("brief"), clock.instant()));
    }
    Map<String, Object> mail = portalLinks(partnerId, ensureContactAccount(partnerId), job);
    moveTo(partnerId, LifecycleStage.BRIEFED, job, null);
    mail.put("withdrawAfter", OnboardingProperties.iso(settings.briefWithdrawAfter()));
    notifyContact(partnerId, "brief-ready", mail, job);
  }

  @Override
  public void notifyPartner(long partnerId, String template, JobRef job) {
    notifyContact(partnerId, template, Map.of(), job);
    partners.recordEvent(partnerId, "NOTIFICATION_SENT", Actor.worker(job), ProcessRef.of(job), Map.of("template", template),
        job.effectKey("event"));
  }

  @Override
  public void withdraw(long partnerId, String reason, JobRef job) {
    moveTo(partnerId, LifecycleStage.WITHDRAWN, job, Map.of("reason", reason));
    notifyContact(partnerId, "withdrawn", Map.of("reason", reason.replace('-', ' ')), job);
  }

  @Override
  public void generateAgreement(long partnerId, JobRef job) {
    Agreement agreement = newRevision(partnerId, null, job);
    moveTo(partnerId, LifecycleStage.AGREEMENT, job, Map.of("revision", agreement.getRevision()));
    notifyContact(partnerId, "agreement-ready", Map.of("revision", agreement.getRevision()), job);
  }

  @Override
  public void reviseAgreement(long partnerId, String requestedChanges, JobRef job) {
    Agreement revised = newRevision(partnerId, requestedChanges, job);
    partners.recordEvent(partnerId, "AGREEMENT_REVISED", Actor.worker(job), ProcessRef.of(job),
        Map.of("revision", revised.getRevision(), "requestedChanges", requestedChanges), job.effectKey("event"));
    notifyContact(partnerId, "agreement-revised",
        Map.of("revision", revised.getRevision(), "requestedChanges", requestedChanges), job);
  }

  private Agreement newRevision(long partnerId, String requestedChanges, JobRef job) {
    partner(partnerId);
    application(partnerId);
    return agreementService.newRevision(partnerId, Agreement.Kind.INITIAL, requestedChanges, job.effectKey("agreement"));
  }

  @Override
  public void activateAgreement(long partnerId, JobRef job) {
    Agreement agreement = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId)
        .orElseThrow(() -> new InvalidJobInput("partner " + partnerId + " has no agreement to activate"));
    if (agreement.getStatus() != Agreement.Status.ACTIVE) {
      if (signatures.findByAgreementIdAndParty(agreement.getId(), AgreementSignature.Party.PARTNER).isEmpty()) {
        throw new InvalidJobInput("agreement revision " + agreement.getRevision() + " of partner " + partnerId
            + " is not signed by the partner");
      }
      String countersigner = userTasks.findByProcessInstanceKeyOrderByCreatedAtAsc(job.processInstanceKey()).stream()
          .filter(t -> "CountersignAgreement".equals(t.getElementId()) && t.getState() == TaskState.COMPLETED)
          .reduce((first, last) -> last)
          .map(t -> t.getAssignee() == null ? "channel-ops" : t.getAssignee())
          .orElse("channel-ops");
      signatures.save(new AgreementSignature(agreement.getId(), AgreementSignature.Party.VENDOR, countersigner,
          countersigner, null, agreement.getDocumentSha256(), clock.instant()));
      agreementService.activate(agreement);
    }
    partners.recordEvent(partnerId, "AGREEMENT_ACTIVATED", Actor.worker(job), ProcessRef.of(job),
        Map.of("revision", agreement.getRevision(), "effectiveFrom", agreement.getEffectiveFrom().toString(),
            "expiresOn", agreement.getExpiresOn().toString()), job.effectKey("event"));
    notifyContact(partnerId, "agreement-active", Map.of("effectiveFrom", agreement.getEffectiveFrom().toString(),
        "expiresOn", agreement.getExpiresOn().toString()), job);
  }

  @Override
  public void grantPortalAccess(long partnerId, JobRef job) {
    UserAccount contact = ensureContactAccount(partnerId);
    partners.recordEvent(partnerId, "PORTAL_ACCESS_GRANTED", Actor.worker(job), ProcessRef.of(job),
        Map.of("username", contact.getUsername()), job.effectKey("event"));
    notifyContact(partnerId, "portal-access", portalLinks(partnerId, contact, job), job);
  }

  @Override
  public void assignTraining(long partnerId, JobRef job) {
    Partner partner = partner(partnerId);
    List<String> modules = ProgramTerms.curriculum(partner.getSegment());
    for (String module : modules) {
      String code = module.substring(0, module.indexOf(' '));
      if (training.findByPartnerIdAndModuleCode(partnerId, code).isEmpty()) {
        training.save(new TrainingAssignment(partnerId, code, module.substring(code.length() + 1), clock.instant()));
      }
    }
    partners.recordEvent(partnerId, "TRAINING_ASSIGNED", Actor.worker(job), ProcessRef.of(job), Map.of("modules", modules),
        job.effectKey("event"));
    notifyContact(partnerId, "training-assigned", Map.of("modules", modules, "segment", partner.getSegment().label()), job);
  }

  @Override
  public void escalateOnboarding(long partnerId, JobRef job) {
    Partner partner = partner(partnerId);
    partner.flagAtRisk(true);
    partners.recordEvent(partnerId, "ONBOARDING_ESCALATED", Actor.worker(job), ProcessRef.of(job),
        Map.of("after", OnboardingProperties.iso(settings.onboardingEscalateAfter())), job.effectKey("event"));
    notifyChannelManager(partner, "onboarding-escalation", job);
  }

  @Override
  public void recordSlaBreach(long partnerId, JobRef job) {
    Partner partner = partner(partnerId);
    partner.flagAtRisk(true);
    partners.recordEvent(partnerId, "ONBOARDING_SLA_BREACHED", Actor.worker(job), ProcessRef.of(job),
        Map.of("sla", OnboardingProperties.iso(settings.onboardingSlaAfter())), job.effectKey("event"));
    notifyChannelManager(partner, "onboarding-sla-breach", job);
  }

  @Override
  public void activatePartner(long partnerId, JobRef job) {
    Partner partner = partner(partnerId);
    if (partner.getTier() == null) {
      partner.setTier(Tier.REGISTERED);
    }
    partner.flagAtRisk(false);
    moveTo(partnerId, LifecycleStage.ACTIVE, job, Map.of("tier", partner.getTier().name()));
    notifyContact(partnerId, "welcome", Map.of(), job);
  }

  // --- helpers

  private void moveTo(long partnerId, LifecycleStage stage, JobRef job, Map<String, ?> details) {
    partner(partnerId);
    partners.moveToStage(partnerId, stage, Actor.worker(job), ProcessRef.of(job), details, job.effectKey("stage"));
  }

  /**
   * The partner a job is about. Unknown is a technical failure, retried with backoff rather than an immediate
   * incident: the application that starts the process commits its partner together with the process start, and
   * the first job can be a moment faster than that commit.
   */
  private Partner partner(long partnerId) {
    try {
      return partners.get(partnerId);
    } catch (UnknownPartnerException e) {
      throw new IllegalStateException(e.getMessage() + " (not committed yet, or no such partner)", e);
    }
  }

  private PartnerApplication application(long partnerId) {
    return applications.findByPartnerId(partnerId)
        .orElseThrow(() -> new InvalidJobInput("partner " + partnerId + " has no application"));
  }

  /**
   * The application's contact gets a partner user account, as the company's partner admin; it stays disabled
   * until the contact follows the invitation link and chooses a password.
   */
  private UserAccount ensureContactAccount(long partnerId) {
    PartnerApplication application = application(partnerId);
    return accounts.findByUsername(application.getContactEmail()).orElseGet(() -> {
      UserAccount contact = UserAccount.partnerUser(application.getContactEmail(), application.getContactName(),
          application.getContactEmail(), partnerId, clock.instant());
      contact.makePartnerAdmin();
      return accounts.save(contact);
    });
  }

  /**
   * What a mail to the contact says about signing in: a one-time invitation link while the account has no
   * password (one per job, so a repeated job issues none), otherwise the portal's address.
   */
  private Map<String, Object> portalLinks(long partnerId, UserAccount contact, JobRef job) {
    Map<String, Object> model = new HashMap<>();
    model.put("portalUrl", portalAccess.portalUrl());
    if (contact.getPartnerId() == null || contact.getPartnerId() != partnerId) {
      // the contact's email already belongs to another account: ops must invite another address
      log.warn("Contact {} of partner {} already has an account of another partner or staff; no invitation sent",
          contact.getUsername(), partnerId);
      return model;
    }
    portalAccess.invitationFor(contact, job.effectKey("invitation")).ifPresent(link -> {
      model.put("invitationUrl", link.url());
      model.put("invitationExpires", link.expiresText());
    });
    return model;
  }

  private void notifyContact(long partnerId, String template, Map<String, ?> extra, JobRef job) {
    notifier.notifyPartner(partnerId, template, extra, job.effectKey("mail"));
  }

  private void notifyChannelManager(Partner partner, String template, JobRef job) {
    notifications.send(partner.getId(), settings.channelManagerEmail(), template, Map.of(
        "partnerName", partner.getLegalName(), "partnerId", partner.getId(),
        "escalateAfter", OnboardingProperties.iso(settings.onboardingEscalateAfter()),
        "slaAfter", OnboardingProperties.iso(settings.onboardingSlaAfter())), job.effectKey("mail"));
  }

}
