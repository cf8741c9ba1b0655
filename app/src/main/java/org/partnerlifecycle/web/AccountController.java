package org.partnerlifecycle.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.partnerlifecycle.account.PortalAccess;
import org.partnerlifecycle.account.PortalAccess.LinkNotUsable;
import org.partnerlifecycle.account.PortalAccess.OpenLink;
import org.partnerlifecycle.account.UserAccount;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages anyone may open: following an invitation or password reset link to choose a password, and asking for
 * a reset link. The reset request answers the same whether or not the account exists.
 */
@Controller
class AccountController {

  private final PortalAccess access;

  AccountController(PortalAccess access) {
    this.access = access;
  }

  @GetMapping("/account/password")
  String passwordForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
    return access.open(token).map(link -> passwordPage(model, token, link, List.of()))
        .orElseGet(() -> linkNotUsable(response));
  }

  @PostMapping("/account/password")
  String setPassword(@RequestParam(required = false) String token, @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String confirmation, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    OpenLink link = access.open(token).orElse(null);
    if (link == null) {
      return linkNotUsable(response);
    }
    List<String> problems = PortalAccess.passwordProblems(password, confirmation, link.username());
    if (!problems.isEmpty()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return passwordPage(model, token, link, problems);
    }
    UserAccount account;
    try {
      account = access.setPassword(token, password);
    } catch (LinkNotUsable e) {
      // used in another tab a moment ago
      return linkNotUsable(response);
    }
    redirect.addFlashAttribute("passwordSet", account.getUsername());
    return "redirect:/login";
  }

  @GetMapping("/account/forgot")
  String forgotForm(Model model) {
    model.addAttribute("validFor", access.resetLinkValidity());
    return "account/forgot";
  }

  @PostMapping("/account/forgot")
  String requestReset(@RequestParam(defaultValue = "") String username) {
    access.requestPasswordReset(username);
    return "redirect:/account/forgot?sent";
  }

  private static String passwordPage(Model model, String token, OpenLink link, List<String> problems) {
    model.addAttribute("token", token);
    model.addAttribute("link", link);
    model.addAttribute("problems", problems);
    model.addAttribute("minLength", PortalAccess.MIN_PASSWORD_LENGTH);
    return "account/password";
  }

  private static String linkNotUsable(HttpServletResponse response) {
    response.setStatus(HttpStatus.GONE.value());
    return "account/link-not-usable";
  }
}
