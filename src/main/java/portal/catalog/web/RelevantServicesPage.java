package portal.catalog.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import portal.catalog.Catalog;
import portal.catalog.ServiceKindDescriptors;

/**
 * The public list of relevant services the portal covers, on the Portal Page.
 * The home page loads its fragment; the same address is a page of its own.
 */
@Controller
class RelevantServicesPage {

	/** One service as the public list shows it. */
	record Offered(String key, String name, String category, String description) {
	}

	private final Catalog catalog;

	private final ServiceKindDescriptors descriptors;

	RelevantServicesPage(Catalog catalog, ServiceKindDescriptors descriptors) {
		this.catalog = catalog;
		this.descriptors = descriptors;
	}

	@GetMapping("/portal-page/relevant-services")
	String services(@RequestHeader(value = "HX-Request", required = false) String htmx, Locale locale, Model model,
			HttpServletResponse response) {
		// The page and its fragment share one address: caches must keep them apart.
		response.setHeader("Vary", "HX-Request");
		List<Offered> offered = catalog.relevantServices().stream()
			.filter(service -> service.active())
			.flatMap(service -> descriptors.find(service.key()).stream()
				.map(d -> new Offered(service.key(), service.name(), d.category().code(), d.description().in(locale))))
			.toList();
		model.addAttribute("offered", offered);
		return htmx == null ? "catalog/relevant-services" : "catalog/relevant-services :: list";
	}
}
