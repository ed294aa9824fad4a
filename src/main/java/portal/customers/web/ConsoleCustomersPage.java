package portal.customers.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import portal.catalog.ServiceKindDescriptors;
import portal.customers.inventory.CustomerRegistry;
import portal.customers.inventory.ContractRow;
import portal.customers.inventory.CustomerRow;
import portal.customers.inventory.InstanceRow;
import portal.customers.inventory.InstanceState;
import portal.customers.inventory.Inventory;
import portal.customers.inventory.InventoryPage;
import portal.customers.inventory.Paging;
import portal.platform.web.Htmx;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * The console's customer desk: find a customer, then see its contracts and service
 * instances. Staff of an affiliate find only customers with a contract with it.
 */
@Controller
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasRole('STAFF')")
class ConsoleCustomersPage {

	static final int PAGE_SIZE = 25;

	private final CustomerRegistry customers;

	private final Inventory inventory;

	private final CatalogNames names;

	private final ServiceKindDescriptors descriptors;

	private final MessageSource messages;

	ConsoleCustomersPage(CustomerRegistry customers, Inventory inventory, CatalogNames names,
			ServiceKindDescriptors descriptors, MessageSource messages) {
		this.customers = customers;
		this.inventory = inventory;
		this.names = names;
		this.descriptors = descriptors;
		this.messages = messages;
	}

	@GetMapping("/console/customers")
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		String text = q.strip().length() > 100 ? q.strip().substring(0, 100) : q.strip();
		model.addAttribute("q", text);
		model.addAttribute("customers", customers.search(text, new Paging(Math.max(page, 0), PAGE_SIZE)));
		return Htmx.view(request, response, "customers/console-customers", "results");
	}

	@GetMapping("/console/customers/{code}")
	String customer(@PathVariable String code, ServiceFilterForm filter, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		CustomerRow customer = customers.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		InventoryPage<ContractRow> contracts = inventory.contracts(customer.id(), "", "", new Paging(0, Paging.MAX_SIZE));
		model.addAttribute("customer", customer);
		model.addAttribute("contracts", contracts);
		model.addAttribute("filter", filter);
		model.addAttribute("serviceOptions", names.options(contracts.items().stream()
			.map(ContractRow::relevantService).toList()));
		model.addAttribute("states", InstanceState.codes());
		model.addAttribute("serviceNames", names.services());
		model.addAttribute("companyNames", names.companies());
		model.addAttribute("instances", inventory.instances(customer.id(), filter.instances(),
				new Paging(filter.page(), PAGE_SIZE)));
		return Htmx.view(request, response, "customers/console-customer", "instances");
	}

	@GetMapping("/console/customers/{code}/instances/{id}")
	String instance(@PathVariable String code, @PathVariable String id, Model model, Locale locale) {
		CustomerRow customer = customers.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		InstanceRow instance = inventory.instance(customer.id(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("area", "console");
		model.addAttribute("active", "customers");
		model.addAttribute("back", "/console/customers/" + customer.code());
		model.addAttribute("instance", instance);
		model.addAttribute("serviceName", names.service(instance.relevantService()));
		model.addAttribute("attributes", AttributeLine.of(instance.attributes(),
				descriptors.find(instance.relevantService()), locale, messages));
		return "customers/instance";
	}
}
