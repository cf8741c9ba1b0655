package org.partnerlifecycle.bench;

import java.util.List;

/**
 * How a cost grows with size, from measured points: "flat" when it rises by less than half of what a linear
 * cost would, "linear" up to one and a half times that, "worse" above.
 */
final class Growth {

  private Growth() {}

  /** Classifies a cost (time per item or per request) measured at increasing sizes. */
  static String classify(double[] sizes, double[] costs) {
    double sizeFactor = sizes[sizes.length - 1] / sizes[0];
    double costFactor = Math.max(costs[costs.length - 1], 1e-9) / Math.max(costs[0], 1e-9);
    double exponent = Math.log(costFactor) / Math.log(sizeFactor);
    String kind = exponent < 0.5 ? "flat" : exponent <= 1.5 ? "linear" : "worse";
    return String.format("%s (x%.1f for x%.0f size, exponent %.2f)", kind, costFactor, sizeFactor, exponent);
  }

  /** rows of throughput: {K, full/s, baseline/s, sum of stage p95}; rows of latency: {events, worst p95}. */
  static String table(List<double[]> throughput, List<double[]> latency) {
    var text = new StringBuilder("growth: lifecycle throughput by K\n");
    text.append(String.format("  %6s %14s %14s %18s%n", "K", "full/s", "no-op/s", "stage p95 sum ms"));
    for (double[] row : throughput) {
      text.append(String.format("  %6.0f %14.2f %14.2f %18.0f%n", row[0], row[1], row[2], row[3]));
    }
    double[] ks = throughput.stream().mapToDouble(r -> r[0]).toArray();
    // the cost per lifecycle is 1/throughput; flat means throughput holds up as K grows
    text.append("  full app time per lifecycle: ")
        .append(classify(ks, throughput.stream().mapToDouble(r -> 1 / r[1]).toArray())).append('\n');
    text.append("  no-op time per lifecycle:    ")
        .append(classify(ks, throughput.stream().mapToDouble(r -> 1 / r[2]).toArray())).append('\n');
    text.append("  stage latency (p95 sum):     ")
        .append(classify(ks, throughput.stream().mapToDouble(r -> r[3]).toArray())).append('\n');
    text.append("growth: console worst p95 by audit events\n");
    text.append(String.format("  %10s %10s%n", "events", "p95 ms"));
    for (double[] row : latency) {
      text.append(String.format("  %10.0f %10.0f%n", row[0], row[1]));
    }
    text.append("  console latency: ").append(classify(latency.stream().mapToDouble(r -> r[0]).toArray(),
        latency.stream().mapToDouble(r -> r[1]).toArray()));
    return text.toString();
  }
}
