package org.partnerlifecycle.deal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a customer is, folded so that spellings of the same company compare equal: "Müller & Söhne GmbH",
 * "MULLER AND SOHNE gmbh." and "Muller & Sohne" are one customer; so are two registrations with the same web
 * domain or tax id.
 */
public record CustomerIdentity(String nameKey, String domain, String taxId) {

  /** Legal-form words left out of the name key, in their folded form. */
  private static final Set<String> LEGAL_FORMS = Set.of("gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "ug", "ev",
      "ltd", "limited", "llc", "llp", "lp", "inc", "incorporated", "corp", "corporation", "co", "company", "plc",
      "sa", "sas", "sarl", "sasu", "sl", "sau", "spa", "srl", "bv", "nv", "vof", "oy", "oyj", "ab", "as", "asa", "aps",
      "pty", "pte", "kk", "se", "sp", "zoo", "the");

  public static CustomerIdentity of(String name, String domain, String taxId) {
    return new CustomerIdentity(nameKey(name), domain(domain), taxId(taxId));
  }

  public static String nameKey(String name) {
    String folded = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}", "")
        .replace("ß", "ss")
        .toLowerCase(Locale.ROOT)
        .replace("&", " and ")
        .replace(".", "") // "S.A." and "B.V." are the words sa and bv
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .trim();
    List<String> words = new ArrayList<>(Arrays.asList(folded.split(" ")));
    // legal forms are dropped only at the end ("Company of Heroes Ltd" keeps "company")
    while (words.size() > 1 && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    if (words.size() > 1 && words.get(0).equals("the")) {
      words.remove(0);
    }
    return String.join(" ", words);
  }

  public static String domain(String domain) {
    if (domain == null || domain.isBlank()) {
      return null;
    }
    String d = domain.trim().toLowerCase(Locale.ROOT)
        .replaceFirst("^[a-z]+://", "")
        .replaceFirst("[/?#].*$", "")
        .replaceFirst(":\\d+$", "")
        .replaceFirst("^www\\.", "");
    return d.isEmpty() ? null : d;
  }

  public static String taxId(String taxId) {
    if (taxId == null || taxId.isBlank()) {
      return null;
    }
    String t = taxId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    return t.isEmpty() ? null : t;
  }

  /** The identifiers to lock, sorted, so concurrent registrations lock in the same order. */
  TreeSet<String> lockIdentifiers() {
    TreeSet<String> ids = new TreeSet<>();
    ids.add("name:" + nameKey);
    if (domain != null) ids.add("domain:" + domain);
    if (taxId != null) ids.add("tax:" + taxId);
    return ids;
  }
}
