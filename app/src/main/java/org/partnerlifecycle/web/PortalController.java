package org.partnerlifecycle.web;

import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.partner.PartnerRepository;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** A partner user's home: their own company only, its stage and its history. */
@Controller
class PortalController {

  private final PartnerRepository partners;
  private final LifecycleEventRepository events;

  PortalController(PartnerRepository partners, LifecycleEventRepository events) {
    this.partners = partners;
    this.events = events;
  }

  @GetMapping("/portal")
  @Transactional(readOnly = true)
  String home(@AuthenticationPrincipal SignedInUser user, Model model) {
    long partnerId = user.getPartnerId();
    var partner = partners.findById(partnerId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("partner", partner);
    model.addAttribute("timeline", events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId));
    return "portal/home";
  }
}
