package org.partnerlifecycle.partner;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.ProcessRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates partners and moves them through the lifecycle, writing the audit event in the same transaction. */
@Service
public class PartnerService {

  public static final String STAGE_CHANGED = "STAGE_CHANGED";
  public static final String REGISTERED = "PARTNER_REGISTERED";

  private final PartnerRepository partners;
  private final AuditLog audit;
  private final Clock clock;

  public PartnerService(PartnerRepository partners, AuditLog audit, Clock clock) {
    this.partners = partners;
    this.audit = audit;
    this.clock = clock;
  }

  /** Who acts, for the audit log. */
  public record Actor(ActorType type, String name) {
    public static Actor system() {
      return new Actor(ActorType.SYSTEM, "system");
    }

    /** A job worker, named by its job type. */
    public static Actor worker(org.partnerlifecycle.workers.support.JobRef job) {
      return new Actor(ActorType.WORKER, job.jobType());
    }
  }

  @Transactional
  public Partner register(String legalName, String country, String region, Segment segment,
      List<String> domainExpertise, Actor actor) {
    Partner partner = partners.save(new Partner(legalName, country, region, segment, domainExpertise, clock.instant()));
    audit.append(new AuditLog.Entry(partner.getId(), actor.type(), actor.name(), REGISTERED, null, null,
        ProcessRef.NONE, Map.of("legalName", legalName, "segment", segment.name()), null));
    return partner;
  }

  /**
   * Moves a partner to a stage and records it. With an idempotency key (a job's), a repeated call changes
   * nothing and records nothing new.
   */
  @Transactional
  public Partner moveToStage(long partnerId, LifecycleStage stage, Actor actor, ProcessRef process,
      Map<String, ?> details, String idempotencyKey) {
    Partner partner = partners.findById(partnerId)
        .orElseThrow(() -> new UnknownPartnerException(partnerId));
    LifecycleStage from = partner.moveTo(stage, clock.instant());
    // a partner starts in APPLIED: recording that first stage has no stage to come from
    audit.append(new AuditLog.Entry(partnerId, actor.type(), actor.name(), STAGE_CHANGED, from == stage ? null : from,
        stage, process, details, idempotencyKey));
    return partner;
  }

  /** Records something that happened to a partner without a stage change (a reminder, an escalation ...). */
  @Transactional
  public void recordEvent(long partnerId, String eventType, Actor actor, ProcessRef process, Map<String, ?> details,
      String idempotencyKey) {
    if (!partners.existsById(partnerId)) {
      throw new UnknownPartnerException(partnerId);
    }
    audit.append(new AuditLog.Entry(partnerId, actor.type(), actor.name(), eventType, null, null, process, details,
        idempotencyKey));
  }

  @Transactional(readOnly = true)
  public Partner get(long partnerId) {
    return partners.findById(partnerId).orElseThrow(() -> new UnknownPartnerException(partnerId));
  }

  public static class UnknownPartnerException extends RuntimeException {
    public UnknownPartnerException(long partnerId) {
      super("no partner with id " + partnerId);
    }
  }
}
