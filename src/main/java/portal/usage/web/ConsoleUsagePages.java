package portal.usage.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import portal.customers.Customers;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * The same usage pages for staff, for any customer in their scope: a customer outside it is
 * not found (row-level security hides it and its usage).
 */
@Controller
@Feature(PortalFeature.USAGE)
@PreAuthorize("hasRole('STAFF')")
class ConsoleUsagePages {

	private final UsageViews views;

	private final Customers customers;

	ConsoleUsagePages(UsageViews views, Customers customers) {
		this.views = views;
		this.customers = customers;
	}

	@GetMapping("/console/customers/{customer}/usage")
	String dashboard(@PathVariable String customer, Model model, Locale locale) {
		return views.dashboard(inScope(customer), base(customer), "/console/customers/" + customer, "console", model,
				locale);
	}

	@GetMapping("/console/customers/{customer}/usage/instances/{id}")
	String instance(@PathVariable String customer, @PathVariable String id, RangeForm range, Model model,
			Locale locale) {
		return views.instance(inScope(customer), id, range, base(customer), "console", model, locale);
	}

	@GetMapping("/console/customers/{customer}/usage/export")
	void export(@PathVariable String customer, @RequestParam List<Long> series,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "") String step, HttpServletResponse response) throws IOException {
		views.export(inScope(customer), series, from, to, step, response);
	}

	private UUID inScope(String code) {
		return customers.byCode(code).map(c -> c.id())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String base(String customer) {
		return "/console/customers/" + customer + "/usage";
	}
}
