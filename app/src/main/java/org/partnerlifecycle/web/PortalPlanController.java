package org.partnerlifecycle.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Map;
import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.onboarding.PartnerSteps.StepNotAvailable;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.planning.BusinessPlan;
import org.partnerlifecycle.planning.BusinessPlanRepository;
import org.partnerlifecycle.planning.PlanForm;
import org.partnerlifecycle.planning.PlanningService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The joint business plan: the current year's targets, drafted and submitted by the partner; read-only once approved. */
@Controller
class PortalPlanController {

  private final BusinessPlanRepository plans;
  private final PlanningService planning;
  private final PartnerService partners;
  private final Validator validator;

  PortalPlanController(BusinessPlanRepository plans, PlanningService planning, PartnerService partners,
      Validator validator) {
    this.plans = plans;
    this.planning = planning;
    this.partners = partners;
    this.validator = validator;
  }

  @GetMapping("/portal/plan")
  String plan(@AuthenticationPrincipal SignedInUser user, Model model) {
    long partnerId = PortalUser.partnerId(user);
    BusinessPlan plan = plans.findFirstByPartnerIdOrderByPlanYearDesc(partnerId).orElse(null);
    return page(partnerId, plan, PlanInput.of(plan), model);
  }

  @PostMapping("/portal/plan")
  String submit(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("planForm") PlanInput input,
      BindingResult binding, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    long partnerId = PortalUser.partnerId(user);
    BusinessPlan plan = plans.findFirstByPartnerIdOrderByPlanYearDesc(partnerId).orElse(null);
    PlanForm form = input.toForm(binding);
    FormErrors.reject(binding, validator.validate(form), Map.of());
    if (!binding.hasErrors()) {
      try {
        BusinessPlan saved = planning.submit(partnerId, form, user.getUsername());
        redirect.addFlashAttribute("success", "Thank you, your business plan for " + saved.getPlanYear()
            + " is submitted. We will review it with you.");
        return "redirect:/portal/plan";
      } catch (ConstraintViolationException e) {
        FormErrors.reject(binding, e.getConstraintViolations(), Map.of());
      } catch (StepNotAvailable e) {
        if (plan == null || plan.isLocked()) {
          model.addAttribute("error", e.getMessage()); // there is no form to show it in
        } else {
          binding.reject("notAvailable", e.getMessage());
        }
        response.setStatus(HttpStatus.CONFLICT.value());
        return page(partnerId, plan, input, model);
      }
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    return page(partnerId, plan, input, model);
  }

  private String page(long partnerId, BusinessPlan plan, PlanInput input, Model model) {
    model.addAttribute("partner", partners.get(partnerId));
    model.addAttribute("plan", plan);
    model.addAttribute("planForm", input);
    model.addAttribute("portalPage", "plan");
    return "portal/plan";
  }
}
