package portal.usage.api;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.usage.Availability;
import portal.usage.QueryResult;
import portal.usage.SeriesView;
import portal.usage.Stat;
import portal.usage.Step;
import portal.usage.TopEntry;
import portal.usage.UsageQueries;
import portal.usage.UsageRefusal;

/**
 * Usage over JSON and CSV for a customer's users, and for staff naming a customer in their
 * scope. The data is for reference and not guaranteed; gaps stay null.
 */
@RestController
@Feature(PortalFeature.USAGE)
@PreAuthorize("hasAnyRole('CUSTOMER', 'STAFF')")
@Tag(name = "Usage", description = "Usage series, aligned points, top instances, CSV export and availability; "
		+ "for reference, not guaranteed")
class UsageQueryController {

	private static final String CUSTOMER = "For staff: the customer, within their scope. Ignored for a customer's users.";

	private final UsageQueries queries;

	private final Tenancy tenancy;

	UsageQueryController(UsageQueries queries, Tenancy tenancy) {
		this.queries = queries;
		this.tenancy = tenancy;
	}

	@GetMapping("/api/v1/usage/series")
	@Operation(summary = "The usage series of an instance: metric, unit, sampling interval")
	@ApiResponse(responseCode = "404", description = "No such instance, or not one the user may see")
	List<SeriesView> series(@RequestParam String instance,
			@Parameter(description = CUSTOMER) @RequestParam(required = false) UUID customer, Locale locale) {
		return queries.seriesOf(customer(customer), instance, locale);
	}

	@GetMapping("/api/v1/usage/query")
	@Operation(summary = "Points of up to 100 series aligned on one time axis; null where data is missing",
			description = """
					`step` 5m reads raw samples (the value itself); 1h and 1d read the hourly and daily rollups and \
					`stat` picks mean (default), min, max, sum or p95. A p95 comes from a DDSketch kept per bucket: \
					it lies within 1 % (relative) of the exact 95th percentile of the bucket's samples. Without \
					`step`, ranges up to 2 days use 5m, up to 45 days 1h, longer 1d. At most 30,000 points per series.""")
	@ApiResponse(responseCode = "400", description = "Invalid range, step or stat; the problem names the field")
	@ApiResponse(responseCode = "404", description = "A series that is not the customer's, or not the user's to see")
	QueryResult query(@RequestParam List<Long> series,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@Parameter(description = "5m, 1h or 1d") @RequestParam(required = false) String step,
			@Parameter(description = "mean, min, max, sum or p95") @RequestParam(defaultValue = "mean") String stat,
			@Parameter(description = CUSTOMER) @RequestParam(required = false) UUID customer, Locale locale) {
		return queries.query(customer(customer), series, from, to, step(step, from, to), stat(stat), locale);
	}

	@GetMapping("/api/v1/usage/top")
	@Operation(summary = "The customer's instances ranked by a statistic of a metric",
			description = "Read from the daily rollups over whole UTC days covering the range. p95 merges the days' "
					+ "sketches: within 1 % (relative) of the exact 95th percentile.")
	List<TopEntry> top(@RequestParam String metric,
			@Parameter(description = "max, mean, p95 or sum") @RequestParam(defaultValue = "max") String stat,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "10") int limit,
			@Parameter(description = CUSTOMER) @RequestParam(required = false) UUID customer) {
		return queries.top(customer(customer), metric, stat(stat), from, to, limit);
	}

	@GetMapping(value = "/api/v1/usage/export", produces = "text/csv")
	@Operation(summary = "The same points as the query, as CSV streamed row by row, with a header row",
			description = "Columns: time,instance,metric,unit,value; an empty value is a gap.")
	void export(@RequestParam List<Long> series,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) String step, @RequestParam(defaultValue = "mean") String stat,
			@Parameter(description = CUSTOMER) @RequestParam(required = false) UUID customer,
			HttpServletResponse response) throws IOException {
		UUID owner = customer(customer);
		Step chosen = step(step, from, to);
		Stat chosenStat = stat(stat);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"usage.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		queries.export(owner, series, from, to, chosen, chosenStat, out);
		out.flush();
	}

	@GetMapping("/api/v1/usage/availability")
	@Operation(summary = "Outage periods and availability percentage of an instance; informational only",
			description = "Derived from gaps in the instance's samples and from availability samples below 50 %. "
					+ "For information: not a service level, not guaranteed.")
	Availability availability(@RequestParam String instance,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@Parameter(description = CUSTOMER) @RequestParam(required = false) UUID customer) {
		return queries.availability(customer(customer), instance, from, to);
	}

	private UUID customer(UUID requested) {
		TenantScope scope = tenancy.scope();
		if (scope.kind() == TenantScope.Kind.CUSTOMER) {
			return scope.customerId().orElseThrow();
		}
		if (requested == null) {
			throw UsageRefusal.invalid("customer", "Staff name the customer.");
		}
		// Row-level security limits staff of an affiliate to the customers in their scope.
		return requested;
	}

	private static Step step(String step, Instant from, Instant to) {
		if (step == null || step.isBlank()) {
			return Step.forRange(from.isBefore(to) ? Duration.between(from, to) : Duration.ZERO);
		}
		return Step.of(step).orElseThrow(() -> UsageRefusal.invalid("step", "Use 5m, 1h or 1d."));
	}

	private static Stat stat(String stat) {
		return Stat.of(stat).orElseThrow(() -> UsageRefusal.invalid("stat", "Use mean, min, max, sum or p95."));
	}
}
