package org.partnerlifecycle.web;

import io.camunda.client.api.command.ClientException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.partnerlifecycle.account.PortalAccess.InvitationRefused;
import org.partnerlifecycle.document.PartnerDocuments.DocumentRejected;
import org.partnerlifecycle.onboarding.PartnerSteps.StepAlreadyDone;
import org.partnerlifecycle.onboarding.PartnerSteps.StepNotAvailable;
import org.partnerlifecycle.partner.PartnerService.UnknownPartnerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * What a person sees when a step cannot be done: a page that says why, with a 4xx status, never a stack trace
 * or a 500. Pages that can say it better next to the form catch these themselves first.
 */
@ControllerAdvice(basePackageClasses = ProblemAdvice.class)
class ProblemAdvice {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler(StepAlreadyDone.class)
  String alreadyDone(StepAlreadyDone e, HttpServletResponse response, Model model) {
    return problem(response, model, HttpStatus.CONFLICT, "Already done", List.of(e.getMessage()));
  }

  @ExceptionHandler(StepNotAvailable.class)
  String stepNotAvailable(StepNotAvailable e, HttpServletResponse response, Model model) {
    return problem(response, model, HttpStatus.CONFLICT, "This step is not open", List.of(e.getMessage()));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  String invalid(ConstraintViolationException e, HttpServletResponse response, Model model) {
    return problem(response, model, HttpStatus.BAD_REQUEST, "Please check your entries",
        e.getConstraintViolations().stream().map(ConstraintViolation::getMessage).sorted().toList());
  }

  @ExceptionHandler({DocumentRejected.class, InvitationRefused.class})
  String refused(RuntimeException e, HttpServletResponse response, Model model) {
    return problem(response, model, HttpStatus.BAD_REQUEST, "That did not work", List.of(e.getMessage()));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String tooLarge(HttpServletResponse response, Model model) {
    return problem(response, model, HttpStatus.PAYLOAD_TOO_LARGE, "The file is too large",
        List.of("The file is larger than we accept. Upload a smaller PDF, PNG or JPEG file."));
  }

  @ExceptionHandler(MultipartException.class)
  String badUpload(MultipartException e, HttpServletResponse response, Model model) {
    log.info("Unreadable upload: {}", e.toString());
    return problem(response, model, HttpStatus.BAD_REQUEST, "The upload did not arrive",
        List.of("The file could not be read. Please try again."));
  }

  /** The workflow engine did not answer (down, overloaded, network). Repeating any portal step is safe. */
  @ExceptionHandler(ClientException.class)
  String engineUnreachable(ClientException e, HttpServletResponse response, Model model) {
    log.warn("Workflow engine call failed: {}", e.toString());
    return problem(response, model, HttpStatus.SERVICE_UNAVAILABLE, "Please try again in a moment",
        List.of("We could not pass this on to our workflow engine just now. Please try again in a moment: "
            + "sending the same thing twice is safe, it is taken only once."));
  }

  @ExceptionHandler(UnknownPartnerException.class)
  String unknownPartner(HttpServletResponse response, Model model) {
    return problem(response, model, HttpStatus.NOT_FOUND, "Not found", List.of("There is no such partner."));
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  String concurrentChange(HttpServletRequest request, HttpServletResponse response, Model model) {
    log.info("Concurrent change on {} {}", request.getMethod(), request.getRequestURI());
    return problem(response, model, HttpStatus.CONFLICT, "Changed at the same time",
        List.of("Someone changed this at the same moment (or the form was sent twice). Reload the page to see where it stands."));
  }

  private static String problem(HttpServletResponse response, Model model, HttpStatus status, String title,
      List<String> messages) {
    response.setStatus(status.value());
    model.addAttribute("title", title);
    model.addAttribute("messages", messages);
    model.addAttribute("status", status.value());
    return "problem";
  }
}
