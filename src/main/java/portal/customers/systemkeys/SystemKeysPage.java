package portal.customers.systemkeys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import portal.catalog.Catalog;
import portal.catalog.ContractingCompany;
import portal.platform.PortalException;
import portal.platform.Tenancy;
import portal.platform.web.Htmx;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * The console page where staff issue and revoke the API keys of relevant-service systems.
 * A new key's token is shown on the answer to the form and never again.
 */
@Controller
@Feature(PortalFeature.OPERATIONS)
@RequestMapping("/console/system-keys")
@PreAuthorize("hasRole('STAFF_ADMIN')")
class SystemKeysPage {

	/** The issue form as the page sends it. */
	record SystemKeyForm(String name, String contractingCompany) {

		SystemKeyForm {
			name = name == null ? "" : name.strip();
			contractingCompany = contractingCompany == null ? "" : contractingCompany.strip();
		}
	}

	private final ServiceSystemKeys keys;

	private final Catalog catalog;

	private final Tenancy tenancy;

	private final MessageSource messages;

	SystemKeysPage(ServiceSystemKeys keys, Catalog catalog, Tenancy tenancy, MessageSource messages) {
		this.messages = messages;
		this.keys = keys;
		this.catalog = catalog;
		this.tenancy = tenancy;
	}

	@GetMapping
	String page(Model model, HttpServletRequest request, HttpServletResponse response) {
		fill(model, new SystemKeyForm("", ""));
		return Htmx.view(request, response, "customers/system-keys", "keys");
	}

	@PostMapping
	String issue(SystemKeyForm form, Model model, HttpServletResponse response) {
		try {
			model.addAttribute("issued", keys.issued(form.name(), form.contractingCompany()));
			form = new SystemKeyForm("", "");
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		}
		catch (PortalException refused) {
			response.setStatus(refused.status().value());
			// In the reader's language where the refusal has a key, else the service's English message.
			model.addAttribute("error", messages.getMessage(refused, LocaleContextHolder.getLocale()));
		}
		fill(model, form);
		return "customers/system-keys";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable String id) {
		try {
			keys.revoke(id);
		}
		catch (PortalException refused) {
			throw new ResponseStatusException(refused.status(), refused.getMessage(), refused);
		}
		return "redirect:/console/system-keys?revoked=" + id;
	}

	private void fill(Model model, SystemKeyForm form) {
		model.addAttribute("form", form);
		model.addAttribute("keys", keys.list());
		model.addAttribute("companies", catalog.companies().stream()
			.filter(ContractingCompany::active)
			.filter(c -> tenancy.scope().companyCode().map(c.code()::equals).orElse(true))
			.toList());
	}
}
