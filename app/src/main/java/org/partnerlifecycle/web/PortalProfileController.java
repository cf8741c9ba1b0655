package org.partnerlifecycle.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.document.DocumentKind;
import org.partnerlifecycle.document.PartnerDocuments;
import org.partnerlifecycle.document.PartnerDocuments.DocumentRejected;
import org.partnerlifecycle.onboarding.CompanyProfileRepository;
import org.partnerlifecycle.onboarding.PartnerSteps;
import org.partnerlifecycle.onboarding.PartnerSteps.StepAlreadyDone;
import org.partnerlifecycle.onboarding.PartnerSteps.StepNotAvailable;
import org.partnerlifecycle.onboarding.ProfileReview;
import org.partnerlifecycle.partner.LifecycleStage;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Company profile and documents, in two steps on one page: upload the documents (each stored at once), then
 * submit the profile, which sends the profile and every document uploaded so far to verification.
 */
@Controller
class PortalProfileController {

  private final CompanyProfileRepository profiles;
  private final PartnerDocuments documents;
  private final ProfileReview review;
  private final PartnerService partners;
  private final PartnerSteps steps;
  private final Validator validator;

  PortalProfileController(CompanyProfileRepository profiles, PartnerDocuments documents, ProfileReview review,
      PartnerService partners, PartnerSteps steps, Validator validator) {
    this.profiles = profiles;
    this.documents = documents;
    this.review = review;
    this.partners = partners;
    this.steps = steps;
    this.validator = validator;
  }

  @ModelAttribute("documentKinds")
  DocumentKind[] documentKinds() {
    return DocumentKind.values();
  }

  @GetMapping("/portal/profile")
  String profile(@AuthenticationPrincipal SignedInUser user, Model model) {
    long partnerId = PortalUser.partnerId(user);
    ProfileInput input = profiles.findById(partnerId).map(ProfileInput::of).orElseGet(ProfileInput::new);
    return page(partnerId, input, model);
  }

  @PostMapping("/portal/profile")
  String submit(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("profile") ProfileInput input,
      BindingResult binding, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    long partnerId = PortalUser.partnerId(user);
    FormErrors.reject(binding, validator.validate(input.toProfileForm()), Map.of());
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(partnerId, input, model);
    }
    try {
      steps.submitProfile(partnerId, input.toProfileForm(), user.getUsername());
    } catch (StepAlreadyDone e) {
      redirect.addFlashAttribute("info", e.getMessage());
      return "redirect:/portal/profile";
    } catch (StepNotAvailable e) {
      binding.reject("notAvailable", e.getMessage());
      response.setStatus(HttpStatus.CONFLICT.value());
      return page(partnerId, input, model);
    }
    redirect.addFlashAttribute("success",
        "Thank you, your company profile and documents are submitted. We will verify them and let you know.");
    return "redirect:/portal/profile";
  }

  @PostMapping("/portal/profile/documents")
  String upload(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) DocumentKind kind,
      @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
    long partnerId = PortalUser.partnerId(user);
    if (!openForChanges(partnerId)) {
      redirect.addFlashAttribute("error", "Documents can be added while your company profile is open for submission.");
      return "redirect:/portal/profile";
    }
    if (file == null || file.isEmpty()) {
      redirect.addFlashAttribute("error", "Choose a file to upload.");
      return "redirect:/portal/profile";
    }
    try (InputStream content = file.getInputStream()) {
      var document = documents.upload(partnerId, kind, file.getOriginalFilename(), content, user.getUsername());
      redirect.addFlashAttribute("success", "Uploaded " + document.getFileName() + ".");
    } catch (DocumentRejected e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/portal/profile";
  }

  @PostMapping("/portal/profile/documents/{documentId}/remove")
  String remove(@AuthenticationPrincipal SignedInUser user, @PathVariable long documentId,
      RedirectAttributes redirect) {
    long partnerId = PortalUser.partnerId(user);
    documents.find(documentId).filter(d -> d.getPartnerId() == partnerId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    try {
      documents.remove(partnerId, documentId);
      redirect.addFlashAttribute("success", "The document was removed.");
    } catch (DocumentRejected e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/portal/profile";
  }

  private boolean openForChanges(long partnerId) {
    return partners.get(partnerId).getStage() == LifecycleStage.ONBOARDING && review.state(partnerId).awaitsPartner();
  }

  private String page(long partnerId, ProfileInput input, Model model) {
    var partner = partners.get(partnerId);
    model.addAttribute("partner", partner);
    model.addAttribute("profile", input);
    model.addAttribute("documents", documents.list(partnerId));
    model.addAttribute("maxSize", documents.maxSizeText());
    model.addAttribute("review", review.state(partnerId));
    model.addAttribute("open", openForChanges(partnerId));
    model.addAttribute("onboarding", partner.getStage() == LifecycleStage.ONBOARDING);
    model.addAttribute("portalPage", "profile");
    return "portal/profile";
  }
}
