package portal.identity.web;

import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.UserAdministration;
import portal.identity.UserView;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.terms.ConsentConfirmations;
import portal.terms.DocumentType;
import portal.terms.Documents;
import portal.terms.Terms;

/**
 * The consent records of a person: which version of the Terms of Personal
 * Information Protection an administrator confirmed for them, by whom and when, and which
 * versions they accepted when. Customer administrators see those of their own customer's
 * users; every user sees their own, with receipts to download.
 */
@Controller
class ConsentsPages {

	private final UserAdministration administration;

	private final ConsentConfirmations confirmations;

	private final Terms terms;

	private final Documents documents;

	ConsentsPages(UserAdministration administration, ConsentConfirmations confirmations, Terms terms,
			Documents documents) {
		this.administration = administration;
		this.confirmations = confirmations;
		this.terms = terms;
		this.documents = documents;
	}

	@GetMapping("/app/users/{loginId}/consents")
	@Feature(PortalFeature.USER_ADMINISTRATION)
	@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
	String ofUser(@AuthenticationPrincipal PortalUser admin, @PathVariable String loginId, Model model) {
		UserView user;
		try {
			user = administration.user(admin.customerId(), loginId);
		}
		catch (IdentityException refusal) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		show(model, user.id());
		model.addAttribute("user", user);
		model.addAttribute("own", false);
		return "identity/consents";
	}

	@GetMapping("/app/profile/consents")
	@Feature(PortalFeature.ESSENTIAL)
	String own(@AuthenticationPrincipal PortalUser user, Model model) {
		show(model, user.accountId());
		model.addAttribute("own", true);
		return "identity/consents";
	}

	private void show(Model model, UUID accountId) {
		model.addAttribute("confirmations", confirmations.of(accountId));
		model.addAttribute("acceptances", terms.acceptances(accountId));
		model.addAttribute("documentTypes", documents.types().stream()
			.collect(Collectors.toMap(DocumentType::key, Function.identity())));
	}
}
