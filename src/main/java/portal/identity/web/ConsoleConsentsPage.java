package portal.identity.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.identity.ActiveUsers;
import portal.identity.Role;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.terms.DocumentVersion;
import portal.terms.Documents;
import portal.terms.Terms;
import portal.terms.TermsRefusal;

/**
 * Who accepted a document version: how many active users accepted it (or a later
 * one) and how many have not, and the page of those who have not, with their customer.
 * Names are shown to the staff roles that keep the account directory; others see login IDs.
 */
@Controller
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasAnyRole('STAFF_PUBLISHER', 'STAFF_DESK', 'STAFF_ADMIN', 'STAFF_AUDITOR')")
class ConsoleConsentsPage {

	private static final int PAGE_SIZE = 25;

	private static final Set<Role> DIRECTORY = Set.of(Role.STAFF_DESK, Role.STAFF_ADMIN, Role.STAFF_AUDITOR);

	private final Documents documents;

	private final Terms terms;

	private final ActiveUsers users;

	private final Customers customers;

	ConsoleConsentsPage(Documents documents, Terms terms, ActiveUsers users, Customers customers) {
		this.documents = documents;
		this.terms = terms;
		this.users = users;
		this.customers = customers;
	}

	@GetMapping("/console/documents/{key}/consents")
	String consents(Authentication staff, @PathVariable String key,
			@RequestParam(required = false) Integer version, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("type", documents.requireType(key));
		int chosen = version != null ? version
				: documents.inForce(key).map(DocumentVersion::version).orElseThrow(TermsRefusal::unknownDocument);
		documents.version(key, chosen).orElseThrow(() -> TermsRefusal.unknownVersion("version"));
		int current = Math.max(page, 0);
		ActiveUsers.Outside outside = users.outside(terms.acceptedBy(key, chosen), current, PAGE_SIZE);
		Map<UUID, CustomerSummary> customersById = new HashMap<>();
		outside.users().forEach(user -> customersById.computeIfAbsent(user.customerId(),
				id -> customers.byId(id).orElse(null)));
		model.addAttribute("version", chosen);
		model.addAttribute("versions", documents.versions(key));
		model.addAttribute("accepted", outside.inside());
		model.addAttribute("notAccepted", outside.outside());
		model.addAttribute("users", outside.users());
		model.addAttribute("customers", customersById);
		model.addAttribute("showNames", staff.getAuthorities().stream()
			.anyMatch(authority -> DIRECTORY.stream().anyMatch(role -> role.authority().equals(authority.getAuthority()))));
		model.addAttribute("page", current);
		model.addAttribute("lastPage", Math.max(0, (outside.outside() - 1) / PAGE_SIZE));
		return "identity/console-consents";
	}
}
