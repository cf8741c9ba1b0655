package org.partnerlifecycle.web;

import java.math.BigDecimal;
import org.partnerlifecycle.planning.BusinessPlan;
import org.partnerlifecycle.planning.PlanForm;
import org.springframework.validation.BindingResult;

/**
 * The business plan form as typed. Numbers are kept as text so that "12k" comes back with what was typed and a
 * field error, not a conversion failure; the service validates the ranges.
 */
public class PlanInput {

  private String revenueTarget;
  private String shareOfSalesTarget;
  private String productLines;
  private String newCustomersTarget;
  private String certifiedStaffTarget;
  private String marketingActivitiesTarget;

  static PlanInput of(BusinessPlan plan) {
    var input = new PlanInput();
    if (plan != null) {
      input.revenueTarget = plan.getRevenueTarget() == null ? null : plan.getRevenueTarget().toPlainString();
      input.shareOfSalesTarget = text(plan.getShareOfSalesTarget());
      input.productLines = plan.getProductLines();
      input.newCustomersTarget = text(plan.getNewCustomersTarget());
      input.certifiedStaffTarget = text(plan.getCertifiedStaffTarget());
      input.marketingActivitiesTarget = text(plan.getMarketingActivitiesTarget());
    }
    return input;
  }

  private static String text(Integer value) {
    return value == null ? null : value.toString();
  }

  /** The typed values as the service's form; a number that cannot be read is a field error and null. */
  PlanForm toForm(BindingResult binding) {
    BigDecimal revenue = null;
    if (present(revenueTarget)) {
      try {
        revenue = new BigDecimal(revenueTarget.strip().replace(",", "").replace("_", ""));
      } catch (NumberFormatException e) {
        binding.rejectValue("revenueTarget", "number", "Enter the amount as a number, e.g. 250000");
      }
    }
    return new PlanForm(revenue, whole(binding, "shareOfSalesTarget", shareOfSalesTarget), productLines,
        whole(binding, "newCustomersTarget", newCustomersTarget),
        whole(binding, "certifiedStaffTarget", certifiedStaffTarget),
        whole(binding, "marketingActivitiesTarget", marketingActivitiesTarget));
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static Integer whole(BindingResult binding, String field, String value) {
    if (!present(value)) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip().replace("%", "").strip());
    } catch (NumberFormatException e) {
      binding.rejectValue(field, "number", "Enter a whole number");
      return null;
    }
  }

  public String getRevenueTarget() { return revenueTarget; }
  public void setRevenueTarget(String revenueTarget) { this.revenueTarget = revenueTarget; }
  public String getShareOfSalesTarget() { return shareOfSalesTarget; }
  public void setShareOfSalesTarget(String shareOfSalesTarget) { this.shareOfSalesTarget = shareOfSalesTarget; }
  public String getProductLines() { return productLines; }
  public void setProductLines(String productLines) { this.productLines = productLines; }
  public String getNewCustomersTarget() { return newCustomersTarget; }
  public void setNewCustomersTarget(String newCustomersTarget) { this.newCustomersTarget = newCustomersTarget; }
  public String getCertifiedStaffTarget() { return certifiedStaffTarget; }
  public void setCertifiedStaffTarget(String certifiedStaffTarget) { this.certifiedStaffTarget = certifiedStaffTarget; }
  public String getMarketingActivitiesTarget() { return marketingActivitiesTarget; }
  public void setMarketingActivitiesTarget(String marketingActivitiesTarget) { this.marketingActivitiesTarget = marketingActivitiesTarget; }
}
