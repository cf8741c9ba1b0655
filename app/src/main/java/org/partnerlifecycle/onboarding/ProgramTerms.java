package org.partnerlifecycle.onboarding;

import java.util.List;
import java.util.Map;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.partner.Tier;

/**
 * The partner program's templates: what the brief says to each segment, and the agreement's terms. The policies
 * follow the program design in shared/domain: a brief with compelling reasons, rules of engagement, strategy and
 * opportunity terms; discounts by tier; entitlement and incumbency; deal registration against channel conflict.
 */
final class ProgramTerms {

  private ProgramTerms() {}

  static final Map<Tier, Integer> DISCOUNT_PERCENT = Map.of(Tier.REGISTERED, 10, Tier.SILVER, 15, Tier.GOLD, 20,
      Tier.PLATINUM, 25);
  static final int DEAL_REGISTRATION_EXCLUSIVITY_DAYS = 90;
  static final int RENEWAL_INCUMBENCY_DAYS = 120;

  private static final Map<Segment, String> REASONS = Map.of(
      Segment.RESELLER, "Resell a product line your customers already ask for, with services around it that carry your margin.",
      Segment.DISTRIBUTOR, "Stock and distribute a growing product line with protected pricing and predictable supply.",
      Segment.SYSTEM_INTEGRATOR, "Build implementation and integration practices on our platform, with architect support on complex deals.",
      Segment.MSP, "Offer our platform as a managed service with monthly billing that matches your operating model.",
      Segment.REFERRAL, "Earn a referral fee for qualified introductions, without carrying inventory or delivery risk.");

  private static final Map<Segment, List<String>> CURRICULUM = Map.of(
      Segment.RESELLER, List.of("SALES-101 Product essentials", "SALES-201 Value selling", "DEALREG-101 Deal registration"),
      Segment.DISTRIBUTOR, List.of("SALES-101 Product essentials", "DIST-101 Ordering and logistics", "DEALREG-101 Deal registration"),
      Segment.SYSTEM_INTEGRATOR, List.of("SALES-101 Product essentials", "TECH-201 Implementation", "TECH-301 Solution architecture"),
      Segment.MSP, List.of("SALES-101 Product essentials", "MSP-101 Multi-tenant operations", "TECH-201 Implementation"),
      Segment.REFERRAL, List.of("SALES-101 Product essentials", "DEALREG-101 Deal registration"));

  static List<String> curriculum(Segment segment) {
    return CURRICULUM.get(segment);
  }

  static String brief(String partnerName, Segment segment) {
    return """
        PARTNER BRIEF: %s (%s)

        1. Why do business together
        %s Partners who lead with our solutions and invest in certified staff grow into Silver, Gold and Platinum.

        2. Rules of engagement and how you gain financially
        - Discount on list price by tier: Registered %d%%, Silver %d%%, Gold %d%%, Platinum %d%%.
        - Registered deals earn the full discount and are protected from other partners for %d days.
        - Renewals of contracts you sold are offered to you first (incumbency), %d days before they end.

        3. Strategy for a successful relationship
        - A joint business plan each year with targets: revenue, share of sales in your portfolio, new customers,
          certified staff and joint marketing.
        - Quarterly business reviews and a scorecard on agreed metrics; tiers follow the scorecard.
        - A named channel manager and regular, proactive contact.

        4. Terms on which each party pursues opportunities
        - You pursue the opportunities you register and the renewals you are entitled to.
        - We sell directly only to named direct accounts, which the deal registration check shows you.
        - Conflicting registrations are decided first come, with evidence, by the channel manager.
        """.formatted(partnerName, segment.label(), REASONS.get(segment),
        DISCOUNT_PERCENT.get(Tier.REGISTERED), DISCOUNT_PERCENT.get(Tier.SILVER), DISCOUNT_PERCENT.get(Tier.GOLD),
        DISCOUNT_PERCENT.get(Tier.PLATINUM), DEAL_REGISTRATION_EXCLUSIVITY_DAYS, RENEWAL_INCUMBENCY_DAYS);
  }

  static String agreement(String partnerName, Segment segment, Tier tier, String territory, int termMonths,
      int revision, String requestedChanges) {
    String revisionNote = requestedChanges == null ? ""
        : "\nRevision note: this revision answers the requested changes: " + requestedChanges + "\n";
    return """
        CHANNEL PARTNER AGREEMENT, revision %d
        between the Vendor and %s (the Partner), a %s.
        %s
        1. Appointment. The Vendor appoints the Partner as a non-exclusive %s in the territory: %s.
        2. Term. %d months from the effective date of countersignature, renewable by a new signature.
        3. Discount schedule. The Partner buys at list price less the discount of its tier, currently %s:
           Registered %d%%, Silver %d%%, Gold %d%%, Platinum %d%%. Tier changes follow the quarterly scorecard.
        4. Deal registration. The Partner registers each opportunity before quoting. An approved registration gives
           the Partner exclusivity on that opportunity for %d days, extendable on request. Registrations that
           conflict with another partner's or with a direct account are decided first come, with evidence.
        5. Entitlement and incumbency. The partner that sold a contract has the first right to its renewal: the
           renewal is offered to it %d days before the contract ends, for an acceptance window, before anyone else.
        6. Obligations. The Partner maintains the certifications of its tier and agrees a joint business plan yearly.
        7. Termination. Either party may terminate with 90 days' notice; the Vendor may terminate for cause.
        """.formatted(revision, partnerName, segment.label(), revisionNote, segment.label(), territory, termMonths,
        tier.name(), DISCOUNT_PERCENT.get(Tier.REGISTERED), DISCOUNT_PERCENT.get(Tier.SILVER),
        DISCOUNT_PERCENT.get(Tier.GOLD), DISCOUNT_PERCENT.get(Tier.PLATINUM), DEAL_REGISTRATION_EXCLUSIVITY_DAYS,
        RENEWAL_INCUMBENCY_DAYS);
  }
}
