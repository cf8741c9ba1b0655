package org.partnerlifecycle.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Map;
import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.deal.DealForm;
import org.partnerlifecycle.deal.DealRegistration;
import org.partnerlifecycle.deal.DealRegistrationRepository;
import org.partnerlifecycle.deal.DealRegistrationService;
import org.partnerlifecycle.deal.DealRenewalService;
import org.partnerlifecycle.onboarding.PartnerSteps.StepNotAvailable;
import org.partnerlifecycle.partner.PartnerService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The company's deal registrations: registering an opportunity, reporting it won or lost, asking for more time,
 * and answering a renewal offer of a customer contract the company sold (its incumbency).
 */
@Controller
class PortalDealsController {

  private final DealRegistrationRepository deals;
  private final DealRegistrationService service;
  private final DealRenewalService renewals;
  private final PartnerService partners;
  private final Validator validator;

  PortalDealsController(DealRegistrationRepository deals, DealRegistrationService service,
      DealRenewalService renewals, PartnerService partners, Validator validator) {
    this.deals = deals;
    this.service = service;
    this.renewals = renewals;
    this.partners = partners;
    this.validator = validator;
  }

  @GetMapping("/portal/deals")
  String list(@AuthenticationPrincipal SignedInUser user, Model model) {
    return page(PortalUser.partnerId(user), new DealInput(), model);
  }

  @PostMapping("/portal/deals")
  String register(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("deal") DealInput input,
      BindingResult binding, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    long partnerId = PortalUser.partnerId(user);
    DealForm form = input.toForm(binding);
    FormErrors.reject(binding, validator.validate(form), Map.of());
    if (!binding.hasErrors()) {
      try {
        DealRegistration saved = service.register(partnerId, form, user.getUsername());
        redirect.addFlashAttribute("success", "Thank you, we received the registration for " + saved.getCustomerName()
            + " and will let you know our decision.");
        return "redirect:/portal/deals";
      } catch (ConstraintViolationException e) {
        FormErrors.reject(binding, e.getConstraintViolations(), Map.of());
      } catch (StepNotAvailable e) {
        binding.reject("notAvailable", e.getMessage());
        response.setStatus(HttpStatus.CONFLICT.value());
        return page(partnerId, input, model);
      }
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    return page(partnerId, input, model);
  }

  /** Won or lost; another partner's deal is "no such deal registration of yours" (409), like a missing one. */
  @PostMapping("/portal/deals/{dealId}/outcome")
  String outcome(@AuthenticationPrincipal SignedInUser user, @PathVariable long dealId,
      @RequestParam(defaultValue = "") String outcome, RedirectAttributes redirect) {
    if (service.reportOutcome(PortalUser.partnerId(user), dealId, outcome, user.getUsername())) {
      redirect.addFlashAttribute("success", "Thank you, we recorded the deal as " + outcome + ".");
    } else {
      redirect.addFlashAttribute("info", "The outcome of this registration was already reported and is being "
          + "recorded; the first report counts. Ask your channel manager if it was wrong.");
    }
    return "redirect:/portal/deals";
  }

  @PostMapping("/portal/deals/{dealId}/extension")
  String extension(@AuthenticationPrincipal SignedInUser user, @PathVariable long dealId, RedirectAttributes redirect) {
    if (service.requestExtension(PortalUser.partnerId(user), dealId)) {
      redirect.addFlashAttribute("success", "We received your request to extend the registration.");
    } else {
      redirect.addFlashAttribute("info", "You already asked to extend this registration; we are handling it.");
    }
    return "redirect:/portal/deals";
  }

  /**
   * Accepts or declines the renewal offer of a contract the company holds. Another company's contract is "no
   * such renewal offer of yours" (409), like a missing one; so is an offer already answered or lapsed.
   */
  @PostMapping("/portal/deals/renewals/{contractId}/answer")
  String answerRenewal(@AuthenticationPrincipal SignedInUser user, @PathVariable long contractId,
      @RequestParam(defaultValue = "") String answer, RedirectAttributes redirect) {
    if (!"accept".equals(answer) && !"decline".equals(answer)) {
      throw new StepNotAvailable("Answer the renewal offer with accept or decline.");
    }
    long partnerId = PortalUser.partnerId(user);
    boolean accept = "accept".equals(answer);
    renewals.answer(partnerId, contractId, accept, new PartnerService.Actor(ActorType.PARTNER_USER,
        user.getUsername()));
    redirect.addFlashAttribute("success", accept
        ? "Thank you, you accepted the renewal: the registration shows as approved, with its exclusivity, once we have recorded it."
        : "Thank you, you declined the renewal: the customer is released to other partners.");
    return "redirect:/portal/deals";
  }

  private String page(long partnerId, DealInput input, Model model) {
    var all = deals.findByPartnerIdOrderByRegisteredAtDesc(partnerId);
    model.addAttribute("partner", partners.get(partnerId));
    model.addAttribute("deals", all);
    model.addAttribute("renewalOffers", all.stream()
        .filter(d -> d.getStatus() == DealRegistration.Status.OFFERED && d.getContractId() != null).toList());
    model.addAttribute("acceptanceWindow", renewals.acceptanceWindow());
    model.addAttribute("deal", input);
    model.addAttribute("portalPage", "deals");
    return "portal/deals";
  }
}
