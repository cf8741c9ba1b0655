package org.partnerlifecycle.web;

import io.camunda.client.api.command.ClientException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.Serializable;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.onboarding.ApplicationForm;
import org.partnerlifecycle.onboarding.ApplicationService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public application form for prospects. Post-redirect-get, and a one-time form token: submitting the same
 * form twice creates one partner, and the second submit lands on the confirmation.
 */
@Controller
class ApplyController {

  static final String TOKENS = "applyFormTokens";
  static final String SUBMITTED = "submittedApplication";

  /** What the confirmation page shows about the application just sent. */
  record Submitted(String legalName, String contactEmail) implements Serializable {}

  private final ApplicationService applications;
  private final Validator validator;

  ApplyController(ApplicationService applications, Validator validator) {
    this.applications = applications;
    this.validator = validator;
  }

  @ModelAttribute("segments")
  Segment[] segments() {
    return Segment.values();
  }

  @GetMapping("/apply")
  String form(HttpSession session, Model model) {
    var form = new ApplyForm();
    form.setFormToken(OneTimeFormTokens.in(session, TOKENS).issue());
    model.addAttribute("application", form);
    return "apply/form";
  }

  @PostMapping("/apply")
  String submit(@ModelAttribute("application") ApplyForm form, BindingResult binding, HttpSession session,
      HttpServletResponse response, RedirectAttributes redirect) {
    OneTimeFormTokens tokens = OneTimeFormTokens.in(session, TOKENS);
    ApplicationForm application = form.toApplicationForm();
    // fields that did not even bind (letters in a number) keep that error; the others are checked as usual
    FormErrors.reject(binding, validator.validate(application), ApplyForm.FIELDS);
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return "apply/form";
    }
    switch (tokens.claim(form.getFormToken())) {
      case ALREADY_USED -> {
        redirect.addFlashAttribute("alreadySubmitted", true);
        return "redirect:/apply/submitted";
      }
      case UNKNOWN -> {
        form.setFormToken(tokens.issue());
        binding.reject("expired", "This form had expired. Your entries are kept: check them and submit again.");
        response.setStatus(HttpStatus.CONFLICT.value());
        return "apply/form";
      }
      case CLAIMED -> { }
    }
    try {
      applications.submit(application, new Actor(ActorType.PARTNER_USER, applicantName(application)));
    } catch (ConstraintViolationException e) {
      tokens.release(form.getFormToken());
      FormErrors.reject(binding, e.getConstraintViolations(), ApplyForm.FIELDS);
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return "apply/form";
    } catch (ClientException e) {
      // the engine did not answer: the application was not saved either (one transaction)
      tokens.release(form.getFormToken());
      binding.reject("engine", "We could not send your application just now; nothing was saved. "
          + "Your entries are kept: please submit again in a moment.");
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      return "apply/form";
    } catch (RuntimeException e) {
      tokens.release(form.getFormToken());
      throw e;
    }
    session.setAttribute(SUBMITTED, new Submitted(application.legalName(), application.contactEmail()));
    return "redirect:/apply/submitted";
  }

  @GetMapping("/apply/submitted")
  String submitted(HttpSession session, Model model) {
    Object submitted = session.getAttribute(SUBMITTED);
    if (submitted == null) {
      return "redirect:/apply";
    }
    model.addAttribute("submitted", submitted);
    return "apply/submitted";
  }

  /** The audit log's actor for an application: the contact's address, as far as the column holds. */
  private static String applicantName(ApplicationForm application) {
    String email = application.contactEmail().toLowerCase();
    return email.length() <= 100 ? email : email.substring(0, 100);
  }
}
