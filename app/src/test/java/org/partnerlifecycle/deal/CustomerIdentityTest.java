package org.partnerlifecycle.deal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerIdentityTest {

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource(delimiter = '|', value = {
      "Müller & Söhne GmbH      | MULLER AND SOHNE gmbh.",
      "Müller & Söhne GmbH      | Muller & Sohne",
      "Société Générale S.A.    | societe generale sa",
      "ACME, Inc.               | Acme Incorporated",
      "The Acme Company Ltd     | ACME",
      "Straße Bau AG            | Strasse Bau",
      "Nordic Oy                | nordic OYJ",
      "  Van den Berg   B.V.    | van-den-berg bv",
      "ООО Ромашка             | ооо РОМАШКА"})
  void spellingsOfOneCompanyFoldToOneKey(String one, String other) {
    assertThat(CustomerIdentity.nameKey(one)).isEqualTo(CustomerIdentity.nameKey(other));
  }

  @ParameterizedTest(name = "{0} !~ {1}")
  @CsvSource(delimiter = '|', value = {
      "Acme Logistics  | Acme Robotics",
      "Company of Heroes Ltd | Heroes Ltd",
      "AG Insurance    | Insurance"})
  void differentCompaniesStayApart(String one, String other) {
    assertThat(CustomerIdentity.nameKey(one)).isNotEqualTo(CustomerIdentity.nameKey(other));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://www.Acme.com/about | acme.com",
      "ACME.COM                   | acme.com",
      "http://acme.com:8080       | acme.com",
      "www.acme.co.uk/?x=1        | acme.co.uk"})
  void webDomainsFold(String raw, String folded) {
    assertThat(CustomerIdentity.domain(raw)).isEqualTo(folded);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"DE 123.456-789 | DE123456789", "de123456789 | DE123456789"})
  void taxIdsFold(String raw, String folded) {
    assertThat(CustomerIdentity.taxId(raw)).isEqualTo(folded);
  }
}
