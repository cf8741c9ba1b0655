package org.partnerlifecycle.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.onboarding.Agreement;
import org.partnerlifecycle.onboarding.AgreementRepository;
import org.partnerlifecycle.onboarding.AgreementSignature;
import org.partnerlifecycle.onboarding.AgreementSignatureRepository;
import org.partnerlifecycle.onboarding.PartnerSteps;
import org.partnerlifecycle.onboarding.PartnerSteps.StepNotAvailable;
import org.partnerlifecycle.partner.PartnerService;
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
 * The renewal of the partner agreement: the renewal revision waiting for the partner's signature, in full with its
 * SHA-256, signed with the same electronic signature as the first agreement.
 */
@Controller
class PortalRenewalController {

  private final AgreementRepository agreements;
  private final AgreementSignatureRepository signatures;
  private final PartnerService partners;
  private final PartnerSteps steps;

  PortalRenewalController(AgreementRepository agreements, AgreementSignatureRepository signatures,
      PartnerService partners, PartnerSteps steps) {
    this.agreements = agreements;
    this.signatures = signatures;
    this.partners = partners;
    this.steps = steps;
  }

  @GetMapping("/portal/renewal")
  String renewal(@AuthenticationPrincipal SignedInUser user, Model model) {
    var form = new SignForm();
    form.setFullName(user.getDisplayName());
    return page(PortalUser.partnerId(user), form, model);
  }

  @PostMapping("/portal/renewal/sign")
  String sign(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("signForm") SignForm form,
      BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model,
      RedirectAttributes redirect) {
    long partnerId = PortalUser.partnerId(user);
    Agreement renewal = openRenewal(partnerId)
        .orElseThrow(() -> new StepNotAvailable("There is no renewal agreement waiting for your signature."));
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
    redirect.addFlashAttribute("success", "Thank you, you signed the renewal (revision " + renewal.getRevision()
        + "). We will countersign it and let you know by email.");
    return "redirect:/portal/renewal";
  }

  private Optional<Agreement> openRenewal(long partnerId) {
    return agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId)
        .filter(a -> a.getKind() == Agreement.Kind.RENEWAL && a.getStatus() == Agreement.Status.AWAITING_PARTNER_SIGNATURE);
  }

  private String page(long partnerId, SignForm form, Model model) {
    Agreement latest = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElse(null);
    Agreement renewal = openRenewal(partnerId).orElse(null);
    if (renewal != null) {
      // the hash of the text this page shows, whatever was posted before
      form.setDocumentSha256(renewal.getDocumentSha256());
    }
    model.addAttribute("partner", partners.get(partnerId));
    model.addAttribute("agreement", renewal);
    model.addAttribute("signForm", form);
    // a renewal the partner has signed and that waits for the vendor (or is in force) is worth saying so
    model.addAttribute("signedRenewal", latest != null && latest.getKind() == Agreement.Kind.RENEWAL && renewal == null
        ? signatures.findByAgreementIdAndParty(latest.getId(), AgreementSignature.Party.PARTNER).orElse(null) : null);
    model.addAttribute("latest", latest);
    model.addAttribute("portalPage", "renewal");
    return "portal/renewal";
  }
}
