package portal.customers.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import portal.catalog.ServiceKindDescriptors;
import portal.customers.inventory.ContractRow;
import portal.customers.inventory.InstanceRow;
import portal.customers.inventory.InstanceState;
import portal.customers.inventory.Inventory;
import portal.customers.inventory.InventoryPage;
import portal.platform.Tenancy;
import portal.platform.web.Htmx;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** The customer portal's services pages: contracts, service instances and one instance's details. */
@Controller
@Feature(PortalFeature.SERVICES)
@PreAuthorize("hasAnyRole('CUSTOMER_ADMINISTRATOR', 'CUSTOMER_ORDERER', 'CUSTOMER_VIEWER')")
class ServicesPage {

	static final int PAGE_SIZE = 25;

	private final Inventory inventory;

	private final ServicesView view;

	private final CatalogNames names;

	private final ServiceKindDescriptors descriptors;

	private final MessageSource messages;

	private final Tenancy tenancy;

	ServicesPage(Inventory inventory, ServicesView view, CatalogNames names, ServiceKindDescriptors descriptors,
			MessageSource messages, Tenancy tenancy) {
		this.inventory = inventory;
		this.view = view;
		this.names = names;
		this.descriptors = descriptors;
		this.messages = messages;
		this.tenancy = tenancy;
	}

	@GetMapping("/app/services")
	String services(ServiceFilterForm filter, Model model, HttpServletRequest request, HttpServletResponse response) {
		ServicesView.Holdings holdings = view.holdings(customer(), filter, PAGE_SIZE);
		InventoryPage<ContractRow> held = holdings.held();
		model.addAttribute("filter", filter);
		model.addAttribute("held", held);
		model.addAttribute("serviceOptions", names.options(held.items().stream().map(ContractRow::relevantService)
			.toList()));
		model.addAttribute("states", InstanceState.codes());
		model.addAttribute("serviceNames", names.services());
		model.addAttribute("companyNames", holdings.companyNames());
		model.addAttribute("contracts", held.items().stream()
			.filter(c -> filter.service().isEmpty() || c.relevantService().equals(filter.service()))
			.toList());
		model.addAttribute("instances", holdings.instances());
		return Htmx.view(request, response, "customers/services", "results");
	}

	@GetMapping("/app/services/instances/{id}")
	String instance(@PathVariable String id, Model model, Locale locale) {
		InstanceRow instance = inventory.instance(customer(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("area", "app");
		model.addAttribute("active", "services");
		model.addAttribute("back", "/app/services");
		model.addAttribute("instance", instance);
		model.addAttribute("serviceName", names.service(instance.relevantService()));
		model.addAttribute("attributes", AttributeLine.of(instance.attributes(),
				descriptors.find(instance.relevantService()), locale, messages));
		return "customers/instance";
	}

	private UUID customer() {
		return tenancy.scope().customerId()
			.orElseThrow(() -> new AccessDeniedException("Only a customer's users see its services"));
	}
}
