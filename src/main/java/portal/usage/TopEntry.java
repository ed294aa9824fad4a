package portal.usage;

/** One of a customer's instances ranked by a statistic of a metric over a range. */
public record TopEntry(String instance, String label, long series, double value, String unit) {
}
