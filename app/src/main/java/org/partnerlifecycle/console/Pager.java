package org.partnerlifecycle.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a list and the links to its neighbours, keeping every other query parameter (the filters).
 *
 * @param total the number of rows, or -1 where counting them all would cost more than it tells (the audit log)
 */
public record Pager(int number, int size, long total, boolean hasNext, String currentUrl, String parameter) {

  public static final int MAX_SIZE = 200;

  public static Pager of(HttpServletRequest request, String parameter, int number, int size, long total) {
    return new Pager(number, size, total, (long) (number + 1) * size < total, url(request), parameter);
  }

  /** For lists that are not counted: whether a next page exists was found by reading one row more. */
  public static Pager uncounted(HttpServletRequest request, String parameter, int number, int size, boolean hasNext) {
    return new Pager(number, size, -1, hasNext, url(request), parameter);
  }

  /** A requested page number, never negative. */
  public static int page(Integer requested) {
    return requested == null || requested < 0 ? 0 : requested;
  }

  /** A requested page size within 1..{@link #MAX_SIZE}. */
  public static int size(Integer requested, int fallback) {
    return requested == null || requested < 1 ? fallback : Math.min(requested, MAX_SIZE);
  }

  public boolean hasPrevious() {
    return number > 0;
  }

  public long totalPages() {
    return total < 0 ? -1 : Math.max(1, (total + size - 1) / size);
  }

  public long offset() {
    return (long) number * size;
  }

  public String url(int page) {
    return UriComponentsBuilder.fromUriString(currentUrl).replaceQueryParam(parameter, page).build().toUriString();
  }

  private static String url(HttpServletRequest request) {
    String query = request.getQueryString();
    return request.getRequestURI() + (query == null ? "" : "?" + query);
  }
}
