package org.partnerlifecycle.console;

import java.util.Arrays;
import java.util.Locale;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.partner.Tier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The console's partner filters (segment, region, tier, stage, name, at risk), read leniently from request
 * parameters: an unknown value filters nothing rather than failing the page.
 *
 * @param tier a {@link Tier} name, or {@link #NO_TIER} for partners without a tier yet
 */
public record PartnerFilter(Segment segment, String region, String tier, LifecycleStage stage, String name,
    boolean atRiskOnly) {

  public static final String NO_TIER = "NONE";
  public static final PartnerFilter NONE = new PartnerFilter(null, null, null, null, null, false);

  public static PartnerFilter of(String segment, String region, String tier, String stage, String name,
      boolean atRiskOnly) {
    return new PartnerFilter(enumOrNull(Segment.class, segment), blankToNull(region), tierOrNull(tier),
        enumOrNull(LifecycleStage.class, stage), blankToNull(name), atRiskOnly);
  }

  public boolean isEmpty() {
    return segment == null && region == null && tier == null && stage == null && name == null && !atRiskOnly;
  }

  /** The same filter with another stage (or none). */
  public PartnerFilter withStage(LifecycleStage other) {
    return new PartnerFilter(segment, region, tier, other, name, atRiskOnly);
  }

  /** The filter as URL query parameters (without '?'), as the dashboard and the partner list read them. */
  public String query() {
    return new QueryString().add("segment", segment == null ? null : segment.name()).add("region", region)
        .add("tier", tier).add("stage", stage == null ? null : stage.name()).add("q", name)
        .add("atRisk", atRiskOnly ? "true" : null).toString();
  }

  /** " AND ..." conditions on the partner table under {@code alias}; their values go into {@code params}. */
  String sql(String alias, MapSqlParameterSource params) {
    StringBuilder sql = new StringBuilder();
    if (segment != null) {
      sql.append(" AND ").append(alias).append(".segment = :f_segment");
      params.addValue("f_segment", segment.name());
    }
    if (region != null) {
      sql.append(" AND ").append(alias).append(".region = :f_region");
      params.addValue("f_region", region);
    }
    if (NO_TIER.equals(tier)) {
      sql.append(" AND ").append(alias).append(".tier IS NULL");
    } else if (tier != null) {
      sql.append(" AND ").append(alias).append(".tier = :f_tier");
      params.addValue("f_tier", tier);
    }
    if (stage != null) {
      sql.append(" AND ").append(alias).append(".stage = :f_stage");
      params.addValue("f_stage", stage.name());
    }
    if (name != null) {
      sql.append(" AND LOWER(").append(alias).append(".legal_name) LIKE :f_name");
      params.addValue("f_name", Sql.containing(name));
    }
    if (atRiskOnly) {
      sql.append(" AND ").append(alias).append(".at_risk = TRUE");
    }
    return sql.toString();
  }

  private static String tierOrNull(String value) {
    if (value == null || value.isBlank()) return null;
    String upper = value.trim().toUpperCase(Locale.ROOT);
    return NO_TIER.equals(upper) ? NO_TIER : enumOrNull(Tier.class, upper) == null ? null : upper;
  }

  static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
    if (value == null || value.isBlank()) return null;
    String upper = value.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(upper)).findFirst().orElse(null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
