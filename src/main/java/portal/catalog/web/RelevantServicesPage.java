package portal.catalog.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import portal.catalog.Catalog;
import portal.catalog.ServiceKindDescriptors;
import portal.platform.web.Htmx;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * The public list of relevant services the portal covers, on the Portal Page.
 * The home page loads its fragment; the same address is a page of its own.
 */
@Controller
@Feature(PortalFeature.ESSENTIAL)
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
	String services(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
		List<Offered> offered = catalog.relevantServices().stream()
			.filter(service -> service.active())
			.flatMap(service -> descriptors.find(service.key()).stream()
				.map(d -> new Offered(service.key(), service.name(), d.category().code(), d.description().in(locale))))
			.toList();
		model.addAttribute("offered", offered);
		return Htmx.view(request, response, "catalog/relevant-services", "list");
	}
}
