package org.partnerlifecycle.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.partnerlifecycle.account.AccountToken;
import org.partnerlifecycle.account.AccountTokenRepository;
import org.partnerlifecycle.account.PortalAccess;
import org.partnerlifecycle.account.PortalAccess.InvitationRefused;
import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.account.UserAccount;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.document.PartnerDocuments;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages for the partner portal: inviting a partner's user (OPS and ADMIN; see SecurityConfiguration) and
 * a partner's uploaded documents (all staff), e.g. while verifying them.
 */
@Controller
class PortalInvitationsController {

  private final PartnerRepository partnerRepository;
  private final PartnerService partners;
  private final UserAccountRepository accounts;
  private final AccountTokenRepository tokens;
  private final PortalAccess access;
  private final PartnerDocuments documents;
  private final java.time.Clock clock;

  PortalInvitationsController(PartnerRepository partnerRepository, PartnerService partners,
      UserAccountRepository accounts, AccountTokenRepository tokens, PortalAccess access, PartnerDocuments documents,
      java.time.Clock clock) {
    this.partnerRepository = partnerRepository;
    this.partners = partners;
    this.accounts = accounts;
    this.tokens = tokens;
    this.access = access;
    this.documents = documents;
    this.clock = clock;
  }

  /** One pending invitation, as the staff page lists it. */
  record Pending(AccountToken token, UserAccount account, Partner partner) {}

  @GetMapping("/console/invitations")
  String invitations(Model model) {
    var form = new InviteForm();
    form.setPartnerAdmin(true);
    return page(form, model);
  }

  @PostMapping("/console/invitations")
  String invite(@AuthenticationPrincipal SignedInUser user,
      @Validated({InviteForm.Staff.class, jakarta.validation.groups.Default.class}) @ModelAttribute("invite") InviteForm form,
      BindingResult binding, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(form, model);
    }
    if (!partnerRepository.existsById(form.getPartnerId())) {
      binding.rejectValue("partnerId", "unknown", "Choose the partner from the list");
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(form, model);
    }
    try {
      access.invite(form.getPartnerId(), form.getDisplayName(), form.getEmail(), form.isPartnerAdmin(),
          new Actor(ActorType.STAFF, user.getUsername()), user.getDisplayName() + " (partner team)");
    } catch (InvitationRefused e) {
      binding.rejectValue(e.field(), "refused", e.getMessage());
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(form, model);
    }
    redirect.addFlashAttribute("success", "Invitation sent to " + form.getEmail().strip().toLowerCase() + ".");
    return "redirect:/console/invitations";
  }

  @GetMapping("/console/partners/{partnerId}/documents")
  String documents(@PathVariable long partnerId, Model model) {
    model.addAttribute("partner", partners.get(partnerId));
    model.addAttribute("documents", documents.list(partnerId));
    return "console/partner-documents";
  }

  private String page(InviteForm form, Model model) {
    List<Partner> open = partnerRepository.findAll(Sort.by("legalName")).stream()
        .filter(p -> !PortalAccess.CLOSED_STAGES.contains(p.getStage())).toList();
    List<AccountToken> pending = tokens.findByPurposeAndUsedAtIsNullAndRevokedAtIsNullAndExpiresAtAfterOrderByCreatedAtDesc(
        AccountToken.Purpose.INVITATION, clock.instant());
    Map<Long, UserAccount> byId = accounts.findAllById(pending.stream().map(AccountToken::getUserAccountId).toList())
        .stream().collect(Collectors.toMap(UserAccount::getId, Function.identity()));
    Map<Long, Partner> partnersById = partnerRepository.findAllById(byId.values().stream()
        .map(UserAccount::getPartnerId).filter(java.util.Objects::nonNull).distinct().toList())
        .stream().collect(Collectors.toMap(Partner::getId, Function.identity()));
    model.addAttribute("partners", open);
    model.addAttribute("pending", pending.stream().filter(t -> byId.containsKey(t.getUserAccountId()))
        .map(t -> new Pending(t, byId.get(t.getUserAccountId()),
            partnersById.get(byId.get(t.getUserAccountId()).getPartnerId())))
        .sorted(Comparator.comparing((Pending p) -> p.token().getCreatedAt()).reversed())
        .toList());
    model.addAttribute("invite", form);
    model.addAttribute("portalPage", "invitations");
    return "console/invitations";
  }
}
