package org.partnerlifecycle.web;

import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.onboarding.PartnerProgress;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A partner user's home: their own company only, what is open for them, how far they are, and their history. */
@Controller
class PortalController {

  private final PartnerProgress progress;

  PortalController(PartnerProgress progress) {
    this.progress = progress;
  }

  @GetMapping("/portal")
  String home(@AuthenticationPrincipal SignedInUser user, Model model) {
    var overview = progress.overview(PortalUser.partnerId(user));
    model.addAttribute("overview", overview);
    model.addAttribute("partner", overview.partner());
    model.addAttribute("portalPage", "home");
    return "portal/home";
  }
}
