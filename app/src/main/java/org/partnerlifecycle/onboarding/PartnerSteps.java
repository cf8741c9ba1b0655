package org.partnerlifecycle.onboarding;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.document.PartnerDocuments;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partner's own onboarding steps. Each stores what the partner did, then tells the partner's process by a
 * message whose id is derived from the record: repeating a step (double submit, back button, a retry after the
 * engine was unreachable) stores nothing new and correlates at most once.
 */
@Service
public class PartnerSteps {

  public static final String BRIEF_ACKNOWLEDGED = "partner-brief-acknowledged";
  public static final String AGREEMENT_SIGNED = "partner-agreement-signed";
  public static final String RENEWAL_SIGNED = "partner-renewal-signed";
  public static final String PROFILE_SUBMITTED = "partner-profile-submitted";
  public static final String TRAINING_COMPLETED = "partner-training-completed";

  private final PartnerService partners;
  private final PartnerBriefRepository briefs;
  private final AgreementRepository agreements;
  private final AgreementSignatureRepository signatures;
  private final CompanyProfileRepository profiles;
  private final TrainingAssignmentRepository training;
  private final PartnerDocuments documents;
  private final ProfileReview profileReview;
  private final ProcessGateway processes;
  private final TransactionTemplate tx;
  private final Validator validator;
  private final Clock clock;

  public PartnerSteps(PartnerService partners, PartnerBriefRepository briefs, AgreementRepository agreements,
      AgreementSignatureRepository signatures, CompanyProfileRepository profiles, TrainingAssignmentRepository training,
      PartnerDocuments documents, ProfileReview profileReview, ProcessGateway processes, TransactionTemplate tx,
      Validator validator, Clock clock) {
    this.partners = partners;
    this.briefs = briefs;
    this.agreements = agreements;
    this.signatures = signatures;
    this.profiles = profiles;
    this.training = training;
    this.documents = documents;
    this.profileReview = profileReview;
    this.processes = processes;
    this.tx = tx;
    this.validator = validator;
    this.clock = clock;
  }

  /** A step that does not fit the partner's current position (nothing to sign, already done ...). */
  public static class StepNotAvailable extends RuntimeException {
    public StepNotAvailable(String message) {
      super(message);
    }
  }

  /** The step was already done (a double submit, the back button): nothing new is stored. */
  public static class StepAlreadyDone extends StepNotAvailable {
    public StepAlreadyDone(String message) {
      super(message);
    }
  }

  public PartnerBrief acknowledgeBrief(long partnerId, String username) {
    PartnerBrief brief = tx.execute(s -> {
      PartnerBrief current = briefs.findFirstByPartnerIdOrderByGeneratedAtDescIdDesc(partnerId)
          .orElseThrow(() -> new StepNotAvailable("There is no partner brief to acknowledge yet."));
      requireStage(partnerId, LifecycleStage.BRIEFED, "The partner brief can no longer be acknowledged.");
      if (!current.isAcknowledged()) {
        current.acknowledge(username, clock.instant());
        partners.recordEvent(partnerId, "BRIEF_ACKNOWLEDGED", partnerUser(username), ProcessRef.NONE,
            Map.of("briefId", current.getId()), null);
      }
      return current;
    });
    processes.publish(BRIEF_ACKNOWLEDGED, partnerId, "brief-acknowledged-" + brief.getId(), Map.of());
    return brief;
  }

  /**
   * E-signature: the typed name, explicit consent, the time, the client's address and the hash of exactly the
   * document revision shown. A hash that no longer matches the current revision is refused.
   */
  public AgreementSignature signAgreement(long partnerId, String signerName, boolean consent, String documentSha256,
      String clientAddress, String username) {
    if (!consent) {
      throw new StepNotAvailable("Tick the consent box to sign the agreement electronically.");
    }
    if (signerName == null || signerName.isBlank() || signerName.length() > 150) {
      throw new StepNotAvailable("Type your full name (up to 150 characters) to sign.");
    }
    AgreementSignature signature = tx.execute(s -> {
      Agreement agreement = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId)
          .orElseThrow(() -> new StepNotAvailable("There is no agreement to sign yet."));
      if (!agreement.getDocumentSha256().equals(documentSha256)) {
        throw new StepNotAvailable("The agreement has changed since you opened it. Review the current revision and sign again.");
      }
      var existing = signatures.findByAgreementIdAndParty(agreement.getId(), AgreementSignature.Party.PARTNER);
      if (existing.isPresent()) {
        return existing.get();
      }
      if (agreement.getStatus() != Agreement.Status.AWAITING_PARTNER_SIGNATURE) {
        throw new StepNotAvailable("This agreement revision is not open for signature.");
      }
      agreement.signedByPartner();
      AgreementSignature saved = signatures.save(new AgreementSignature(agreement.getId(),
          AgreementSignature.Party.PARTNER, signerName.strip(), username, clientAddress, agreement.getDocumentSha256(),
          clock.instant()));
      partners.recordEvent(partnerId, "AGREEMENT_SIGNED", partnerUser(username), ProcessRef.NONE,
          Map.of("revision", agreement.getRevision(), "sha256", agreement.getDocumentSha256(),
              "clientAddress", clientAddress == null ? "" : clientAddress), null);
      return saved;
    });
    boolean renewal = agreements.findById(signature.getAgreementId()).orElseThrow().getKind() == Agreement.Kind.RENEWAL;
    processes.publish(renewal ? RENEWAL_SIGNED : AGREEMENT_SIGNED, partnerId,
        "agreement-signed-" + signature.getAgreementId(), Map.of("agreementId", signature.getAgreementId()));
    return signature;
  }

  public CompanyProfile submitProfile(long partnerId, ProfileForm form, String username) {
    var violations = validator.validate(form);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    CompanyProfile profile = tx.execute(s -> {
      requireStage(partnerId, LifecycleStage.ONBOARDING, "The company profile is submitted during onboarding.");
      ProfileReview.State review = profileReview.state(partnerId);
      if (!review.awaitsPartner()) {
        return alreadySubmitted(partnerId, review);
      }
      if (documents.submitAll(partnerId) == 0) {
        throw new StepNotAvailable("Upload at least one document (for example your tax registration certificate) "
            + "before you submit the profile.");
      }
      CompanyProfile current = profiles.findById(partnerId).orElseGet(() -> new CompanyProfile(partnerId));
      current.update(form, username, clock.instant());
      CompanyProfile saved = profiles.saveAndFlush(current);
      partners.recordEvent(partnerId, "PROFILE_SUBMITTED", partnerUser(username), ProcessRef.NONE,
          Map.of("version", saved.getVersion()), null);
      return saved;
    });
    processes.publish(PROFILE_SUBMITTED, partnerId, "profile-" + partnerId + "-v" + profile.getVersion(), Map.of());
    return profile;
  }

  /**
   * A profile submitted again while its verification is pending stores nothing. Only while ops have no task yet
   * is the message published again (same id, so at most once): the first publish may have failed. Later it is
   * not, as a stale version could otherwise answer a future correction request.
   */
  private CompanyProfile alreadySubmitted(long partnerId, ProfileReview.State review) {
    if (review == ProfileReview.State.SUBMITTED) {
      CompanyProfile current = profiles.findById(partnerId).orElseThrow();
      processes.publish(PROFILE_SUBMITTED, partnerId, "profile-" + partnerId + "-v" + current.getVersion(), Map.of());
    }
    throw new StepAlreadyDone(review == ProfileReview.State.VERIFIED
        ? "Your company profile and documents are already verified."
        : "Your company profile is already submitted; we are verifying it.");
  }

  /** Records one module as completed; when the last one is, the training branch of onboarding may finish. */
  public List<TrainingAssignment> completeTrainingModule(long partnerId, String moduleCode, String username) {
    List<TrainingAssignment> modules = tx.execute(s -> {
      TrainingAssignment module = training.findByPartnerIdAndModuleCode(partnerId, moduleCode)
          .orElseThrow(() -> new StepNotAvailable("No training module " + moduleCode + " is assigned to you."));
      if (!module.isCompleted()) {
        module.complete(username, clock.instant());
        partners.recordEvent(partnerId, "TRAINING_MODULE_COMPLETED", partnerUser(username), ProcessRef.NONE,
            Map.of("module", moduleCode), null);
      }
      return training.findByPartnerIdOrderByModuleCode(partnerId);
    });
    // only onboarding waits for this, and only while the partner is onboarding: once the process has moved on,
    // completing a module again sends nothing for it to miss
    if (modules.stream().allMatch(TrainingAssignment::isCompleted)
        && partners.get(partnerId).getStage() == LifecycleStage.ONBOARDING) {
      processes.publish(TRAINING_COMPLETED, partnerId, "training-completed-" + partnerId, Map.of());
    }
    return modules;
  }

  private void requireStage(long partnerId, LifecycleStage stage, String otherwise) {
    if (partners.get(partnerId).getStage() != stage) {
      throw new StepNotAvailable(otherwise);
    }
  }

  private static Actor partnerUser(String username) {
    return new Actor(ActorType.PARTNER_USER, username);
  }
}
