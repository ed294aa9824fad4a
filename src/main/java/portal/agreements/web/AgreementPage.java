package portal.agreements.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import portal.agreements.AgreementRefusal;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.PresenceConfirmation;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.web.Times;

/** The customer's Portal Agreement: state, suspensions, timeline, and the written termination request. */
@Controller
@Feature(PortalFeature.ESSENTIAL)
@PreAuthorize("hasRole('CUSTOMER')")
class AgreementPage {

	private final AgreementLifecycle lifecycle;

	private final PresenceConfirmation presence;

	private final Times times;

	private final MessageSource messages;

	AgreementPage(AgreementLifecycle lifecycle, PresenceConfirmation presence, Times times, MessageSource messages) {
		this.messages = messages;
		this.times = times;
		this.lifecycle = lifecycle;
		this.presence = presence;
	}

	@GetMapping("/app/agreement")
	String agreement(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("agreement", lifecycle.view(user.customerId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "agreements/agreement";
	}

	@PostMapping("/app/agreement/termination-request")
	@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
	String request(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String effectiveDate,
			@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String code,
			Model model, Locale locale) {
		try {
			LocalDate date = parse(effectiveDate);
			presence.confirm(user, currentPassword, code);
			lifecycle.requestTermination(user.customerId(), date, times.zone());
			return "redirect:/app/agreement?requested";
		}
		catch (AgreementRefusal refusal) {
			model.addAttribute("refusal", messages.getMessage(refusal, locale));
			return agreement(user, model);
		}
		catch (IdentityException refusal) {
			model.addAttribute("refusal", messages.getMessage("identity.page.problem." + refusal.problemType(), null,
					refusal.getMessage(), locale));
			return agreement(user, model);
		}
	}

	@PostMapping("/app/agreement/termination-request/withdrawal")
	@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
	String withdraw(@AuthenticationPrincipal PortalUser user, Model model, Locale locale) {
		try {
			lifecycle.withdrawTerminationRequest(user.customerId());
			return "redirect:/app/agreement?withdrawn";
		}
		catch (AgreementRefusal refusal) {
			model.addAttribute("refusal", messages.getMessage(refusal, locale));
			return agreement(user, model);
		}
	}

	private static LocalDate parse(String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw AgreementRefusal.invalid("effectiveDate", "date", "give a date such as 2027-03-31.");
		}
	}
}
