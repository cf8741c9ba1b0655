package org.partnerlifecycle.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Map;
import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.certification.Certification;
import org.partnerlifecycle.certification.CertificationLevel;
import org.partnerlifecycle.certification.CertificationRepository;
import org.partnerlifecycle.certification.CertificationService;
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

/** The company's individual certifications with status and expiry, and submitting evidence for a new one. */
@Controller
class PortalCertificationsController {

  private final CertificationRepository certifications;
  private final CertificationService service;
  private final PartnerService partners;
  private final Validator validator;

  PortalCertificationsController(CertificationRepository certifications, CertificationService service,
      PartnerService partners, Validator validator) {
    this.certifications = certifications;
    this.service = service;
    this.partners = partners;
    this.validator = validator;
  }

  @GetMapping("/portal/certifications")
  String list(@AuthenticationPrincipal SignedInUser user, Model model) {
    return page(PortalUser.partnerId(user), new CertificationInput(), model);
  }

  @PostMapping("/portal/certifications")
  String submit(@AuthenticationPrincipal SignedInUser user,
      @ModelAttribute("certification") CertificationInput input, BindingResult binding,
      HttpServletResponse response, Model model, RedirectAttributes redirect) {
    long partnerId = PortalUser.partnerId(user);
    if (input.getLevel() != null && !input.getLevel().isBlank() && input.level() == null) {
      binding.rejectValue("level", "invalid", "Choose one of the certification levels");
    }
    // every mistake at once, next to its field (the service checks the same again)
    FormErrors.reject(binding, validator.validate(input.toForm()), Map.of());
    if (!binding.hasErrors()) {
      try {
        Certification saved = service.submit(partnerId, input.toForm(), user.getUsername());
        redirect.addFlashAttribute("success", "Thank you. We will verify the " + saved.getLevel().label()
            + " certification of " + saved.getPersonName() + " and let you know.");
        return "redirect:/portal/certifications";
      } catch (ConstraintViolationException e) {
        FormErrors.reject(binding, e.getConstraintViolations(), Map.of("renewsCertificationId", "renewsCertificationId"));
      } catch (StepNotAvailable e) {
        binding.reject("notAvailable", e.getMessage());
        response.setStatus(HttpStatus.CONFLICT.value());
        return page(partnerId, input, model);
      }
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    return page(partnerId, input, model);
  }

  private String page(long partnerId, CertificationInput input, Model model) {
    var all = certifications.findByPartnerIdOrderBySubmittedAtDesc(partnerId);
    model.addAttribute("partner", partners.get(partnerId));
    model.addAttribute("certifications", all);
    model.addAttribute("renewable", all.stream().filter(c -> c.getStatus() == Certification.Status.VERIFIED).toList());
    model.addAttribute("levels", CertificationLevel.values());
    model.addAttribute("certification", input);
    model.addAttribute("portalPage", "certifications");
    return "portal/certifications";
  }
}
