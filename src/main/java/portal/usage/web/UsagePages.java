package portal.usage.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.Tenancy;

/** The customer portal's usage pages: the dashboard, an instance's charts, and the CSV export. */
@Controller
@Feature(PortalFeature.USAGE)
@PreAuthorize("hasAnyRole('CUSTOMER_ADMINISTRATOR', 'CUSTOMER_ORDERER', 'CUSTOMER_VIEWER')")
class UsagePages {

	private final UsageViews views;

	private final Tenancy tenancy;

	UsagePages(UsageViews views, Tenancy tenancy) {
		this.views = views;
		this.tenancy = tenancy;
	}

	@GetMapping("/app/usage")
	String dashboard(Model model, Locale locale) {
		return views.dashboard(customer(), "/app/usage", "/app/services", "app", model, locale);
	}

	@GetMapping("/app/usage/instances/{id}")
	String instance(@PathVariable String id, RangeForm range, Model model, Locale locale) {
		return views.instance(customer(), id, range, "/app/usage", "app", model, locale);
	}

	@GetMapping("/app/usage/export")
	void export(@RequestParam List<Long> series,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "") String step, HttpServletResponse response) throws IOException {
		views.export(customer(), series, from, to, step, response);
	}

	private UUID customer() {
		return tenancy.scope().customerId()
			.orElseThrow(() -> new AccessDeniedException("Only a customer's users see its usage"));
	}
}
