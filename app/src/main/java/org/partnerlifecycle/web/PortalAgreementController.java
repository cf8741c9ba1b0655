package org.partnerlifecycle.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.EnumSet;
import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.onboarding.Agreement;
import org.partnerlifecycle.onboarding.AgreementRepository;
import org.partnerlifecycle.onboarding.AgreementSignature;
import org.partnerlifecycle.onboarding.AgreementSignatureRepository;
import org.partnerlifecycle.onboarding.PartnerSteps;
import org.partnerlifecycle.onboarding.PartnerSteps.StepNotAvailable;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTaskRepository;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner agreement: the full text of the current revision with its SHA-256, and the electronic signature
 * (typed name, explicit consent, the client's address and the hash of exactly the text shown).
 */
@Controller
class PortalAgreementController {

  private final AgreementRepository agreements;
  private final AgreementSignatureRepository signatures;
  private final PartnerService partners;
  private final PartnerSteps steps;
  private final UserTaskRepository tasks;

  PortalAgreementController(AgreementRepository agreements, AgreementSignatureRepository signatures,
      PartnerService partners, PartnerSteps steps, UserTaskRepository tasks) {
    this.agreements = agreements;
    this.signatures = signatures;
    this.partners = partners;
    this.steps = steps;
    this.tasks = tasks;
  }

  @GetMapping("/portal/agreement")
  String agreement(@AuthenticationPrincipal SignedInUser user, Model model) {
    var form = new SignForm();
    form.setFullName(user.getDisplayName());
    return page(PortalUser.partnerId(user), form, model);
  }

  @PostMapping("/portal/agreement/sign")
  String sign(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("signForm") SignForm form,
      BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model,
      RedirectAttributes redirect) {
    long partnerId = PortalUser.partnerId(user);
    Agreement current = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId)
        .orElseThrow(() -> new StepNotAvailable("There is no agreement to sign yet."));
    var signed = signatures.findByAgreementIdAndParty(current.getId(), AgreementSignature.Party.PARTNER)
        .filter(existing -> existing.getDocumentSha256().equals(form.getDocumentSha256()));
    if (signed.isPresent()) {
      if (!countersignTaskSince(partnerId, signed.get())) {
        // the process has not taken the signature yet (the engine may have been unreachable): send it again;
        // once ops have the countersign task it is not re-sent, so it cannot answer a later revision
        steps.signAgreement(partnerId, signed.get().getSignerName(), true, signed.get().getDocumentSha256(),
            signed.get().getClientAddress(), signed.get().getSignerUsername());
      }
      redirect.addFlashAttribute("info", "You already signed revision " + current.getRevision() + "; nothing more to do here.");
      return "redirect:/portal/agreement";
    }
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(partnerId, form, model);
    }
    try {
      steps.signAgreement(partnerId, form.getFullName().strip(), form.isConsent(), form.getDocumentSha256(),
          request.getRemoteAddr(), user.getUsername());
    } catch (StepNotAvailable e) {
      binding.reject("notAvailable", e.getMessage());
      response.setStatus(HttpStatus.CONFLICT.value());
      return page(partnerId, form, model);
    }
    redirect.addFlashAttribute("success", "Thank you, you signed revision " + current.getRevision()
        + ". We will countersign it and let you know by email.");
    return "redirect:/portal/agreement";
  }

  private boolean countersignTaskSince(long partnerId, AgreementSignature signature) {
    return tasks.findByPartnerIdAndStateInOrderByCreatedAtAsc(partnerId, EnumSet.allOf(TaskState.class)).stream()
        .anyMatch(t -> "CountersignAgreement".equals(t.getElementId()) && !t.getCreatedAt().isBefore(signature.getSignedAt()));
  }

  private String page(long partnerId, SignForm form, Model model) {
    var partner = partners.get(partnerId);
    Agreement agreement = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElse(null);
    if (agreement != null) {
      // the hash of the text this page shows, whatever was posted before
      form.setDocumentSha256(agreement.getDocumentSha256());
    }
    model.addAttribute("partner", partner);
    model.addAttribute("agreement", agreement);
    model.addAttribute("signForm", form);
    if (agreement != null) {
      model.addAttribute("partnerSignature",
          signatures.findByAgreementIdAndParty(agreement.getId(), AgreementSignature.Party.PARTNER).orElse(null));
      model.addAttribute("vendorSignature",
          signatures.findByAgreementIdAndParty(agreement.getId(), AgreementSignature.Party.VENDOR).orElse(null));
      model.addAttribute("canSign", agreement.getStatus() == Agreement.Status.AWAITING_PARTNER_SIGNATURE
          && partner.getStage() == LifecycleStage.AGREEMENT);
    }
    model.addAttribute("portalPage", "agreement");
    return "portal/agreement";
  }
}
