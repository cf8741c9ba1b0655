package org.partnerlifecycle.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.partnerlifecycle.account.PortalAccess;
import org.partnerlifecycle.account.PortalAccess.InvitationRefused;
import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.account.UserAccount;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
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

/** The company's portal users; a partner admin invites colleagues here. */
@Controller
class PortalTeamController {

  private final UserAccountRepository accounts;
  private final PortalAccess access;
  private final PartnerService partners;

  PortalTeamController(UserAccountRepository accounts, PortalAccess access, PartnerService partners) {
    this.accounts = accounts;
    this.access = access;
    this.partners = partners;
  }

  @GetMapping("/portal/team")
  String team(@AuthenticationPrincipal SignedInUser user, Model model) {
    return page(user, new InviteForm(), model);
  }

  @PostMapping("/portal/team/invite")
  String invite(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("invite") InviteForm form,
      BindingResult binding, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    long partnerId = PortalUser.partnerId(user);
    if (!user.isPartnerAdmin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only partner admins invite colleagues");
    }
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(user, form, model);
    }
    try {
      access.invite(partnerId, form.getDisplayName(), form.getEmail(), form.isPartnerAdmin(),
          new Actor(ActorType.PARTNER_USER, user.getUsername()), user.getDisplayName());
    } catch (InvitationRefused e) {
      binding.rejectValue(e.field().equals("email") ? "email" : "displayName", "refused", e.getMessage());
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(user, form, model);
    }
    redirect.addFlashAttribute("success", "We sent an invitation to " + form.getEmail().strip().toLowerCase() + ".");
    return "redirect:/portal/team";
  }

  private String page(SignedInUser user, InviteForm form, Model model) {
    long partnerId = PortalUser.partnerId(user);
    var members = accounts.findByPartnerIdOrderByUsername(partnerId);
    model.addAttribute("partner", partners.get(partnerId));
    model.addAttribute("members", members);
    model.addAttribute("invitations", access.openInvitations(members.stream().map(UserAccount::getId).toList()));
    model.addAttribute("invite", form);
    model.addAttribute("mayInvite", user.isPartnerAdmin());
    model.addAttribute("portalPage", "team");
    return "portal/team";
  }
}
