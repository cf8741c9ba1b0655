package org.partnerlifecycle.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.onboarding.PartnerSteps.StepNotAvailable;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.termination.TerminationService;
import org.partnerlifecycle.termination.TerminationTrigger;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Ending the partnership: the termination on record, or a partner admin's request with a reason. */
@Controller
class PortalTerminationController {

  private final TerminationService terminations;
  private final PartnerService partners;

  PortalTerminationController(TerminationService terminations, PartnerService partners) {
    this.terminations = terminations;
    this.partners = partners;
  }

  @GetMapping("/portal/termination")
  String termination(@AuthenticationPrincipal SignedInUser user, Model model) {
    return page(user, new TerminationInput(), model);
  }

  @PostMapping("/portal/termination")
  String request(@AuthenticationPrincipal SignedInUser user,
      @Valid @ModelAttribute("terminationForm") TerminationInput form, BindingResult binding,
      HttpServletResponse response, Model model, RedirectAttributes redirect) {
    long partnerId = PortalUser.partnerId(user);
    if (!user.isPartnerAdmin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only partner admins request the termination");
    }
    if (terminations.find(partnerId).isPresent()) {
      redirect.addFlashAttribute("info", "The termination of your partnership was already requested.");
      return "redirect:/portal/termination";
    }
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(user, form, model);
    }
    try {
      terminations.request(partnerId, TerminationTrigger.PARTNER_REQUEST, form.getReason(),
          new PartnerService.Actor(ActorType.PARTNER_USER, user.getUsername()), ProcessRef.NONE);
    } catch (StepNotAvailable e) {
      binding.reject("notAvailable", e.getMessage());
      response.setStatus(HttpStatus.CONFLICT.value());
      return page(user, form, model);
    }
    redirect.addFlashAttribute("success", "We received your request to end the partnership and will confirm the"
        + " next steps by email.");
    return "redirect:/portal/termination";
  }

  private String page(SignedInUser user, TerminationInput form, Model model) {
    long partnerId = PortalUser.partnerId(user);
    model.addAttribute("partner", partners.get(partnerId));
    model.addAttribute("termination", terminations.find(partnerId).orElse(null));
    model.addAttribute("terminationForm", form);
    model.addAttribute("mayRequest", user.isPartnerAdmin());
    model.addAttribute("portalPage", "termination");
    return "portal/termination";
  }
}
