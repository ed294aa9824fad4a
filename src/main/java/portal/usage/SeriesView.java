package portal.usage;

/** A series as the API and pages show it: whose, which metric, its unit and interval (ISO-8601). */
public record SeriesView(long id, String instance, String relevantService, String metric, String metricName,
		String unit, String interval, String aggregation, boolean percentile95) {
}
