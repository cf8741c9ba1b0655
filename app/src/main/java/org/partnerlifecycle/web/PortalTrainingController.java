package org.partnerlifecycle.web;

import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.onboarding.PartnerSteps;
import org.partnerlifecycle.onboarding.TrainingAssignment;
import org.partnerlifecycle.onboarding.TrainingAssignmentRepository;
import org.partnerlifecycle.partner.PartnerService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The onboarding curriculum: which modules are assigned, and marking each one complete. */
@Controller
class PortalTrainingController {

  private final TrainingAssignmentRepository training;
  private final PartnerService partners;
  private final PartnerSteps steps;

  PortalTrainingController(TrainingAssignmentRepository training, PartnerService partners, PartnerSteps steps) {
    this.training = training;
    this.partners = partners;
    this.steps = steps;
  }

  @GetMapping("/portal/training")
  String modules(@AuthenticationPrincipal SignedInUser user, Model model) {
    long partnerId = PortalUser.partnerId(user);
    var modules = training.findByPartnerIdOrderByModuleCode(partnerId);
    model.addAttribute("partner", partners.get(partnerId));
    model.addAttribute("modules", modules);
    model.addAttribute("completed", modules.stream().filter(TrainingAssignment::isCompleted).count());
    model.addAttribute("portalPage", "training");
    return "portal/training";
  }

  @PostMapping("/portal/training/{moduleCode}/complete")
  String complete(@AuthenticationPrincipal SignedInUser user, @PathVariable String moduleCode,
      RedirectAttributes redirect) {
    long partnerId = PortalUser.partnerId(user);
    // a module code of another partner is simply not one of this partner's modules
    TrainingAssignment module = training.findByPartnerIdAndModuleCode(partnerId, moduleCode)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    boolean already = module.isCompleted();
    // completing again stores nothing; while onboarding it re-sends "training completed" (same message id) if all
    // are done
    var modules = steps.completeTrainingModule(partnerId, moduleCode, user.getUsername());
    if (already) {
      redirect.addFlashAttribute("info", module.getModuleCode() + " was already marked complete.");
      return "redirect:/portal/training";
    }
    boolean all = modules.stream().allMatch(TrainingAssignment::isCompleted);
    redirect.addFlashAttribute("success", module.getModuleCode() + " " + module.getTitle() + " is complete."
        + (all ? " That was the last module: your training is complete." : ""));
    return "redirect:/portal/training";
  }
}
