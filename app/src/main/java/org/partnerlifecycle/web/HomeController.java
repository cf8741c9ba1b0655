package org.partnerlifecycle.web;

import org.partnerlifecycle.account.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

  /** Partners go to their portal, staff to the console. */
  @GetMapping("/")
  String home(@AuthenticationPrincipal SignedInUser user) {
    return user.getRole().isStaff() ? "redirect:/console" : "redirect:/portal";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
