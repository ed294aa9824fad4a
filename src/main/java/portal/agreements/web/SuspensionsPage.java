package portal.agreements.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import portal.agreements.AgreementRefusal;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.agreements.lifecycle.Suspension;
import portal.agreements.lifecycle.SuspensionKind;
import portal.agreements.lifecycle.SuspensionReason;
import portal.agreements.lifecycle.SuspensionScope;
import portal.customers.Customers;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.web.Times;

/** Service managers suspend, withdraw and lift; times are entered in the person's own zone. */
@Controller
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasAnyRole('STAFF_SERVICE_MANAGER', 'STAFF_ADMIN')")
class SuspensionsPage {

	/** The form; {@code customer} is a customer code or {@code all}; times are local date-times in the person's zone. */
	record SuspensionForm(String customer, String scope, String feature, String relevantService, String reason,
			String kind, String note, String start, String end, String cureDeadline) {

		static SuspensionForm empty() {
			return new SuspensionForm("all", "whole", "", "", "art-11.1-1", "planned", "", "", "", "");
		}
	}

	private final AgreementLifecycle lifecycle;

	private final Customers customers;

	private final Times times;

	SuspensionsPage(AgreementLifecycle lifecycle, Customers customers, Times times) {
		this.times = times;
		this.lifecycle = lifecycle;
		this.customers = customers;
	}

	@GetMapping("/console/suspensions")
	String list(Model model) {
		return show(model, SuspensionForm.empty(), null);
	}

	@PostMapping("/console/suspensions")
	String suspend(@ModelAttribute("form") SuspensionForm form, Model model) {
		try {
			lifecycle.announce(request(form));
			return "redirect:/console/suspensions?announced";
		}
		catch (AgreementRefusal refusal) {
			return show(model, form, refusal);
		}
	}

	@PostMapping("/console/suspensions/{id}/lift")
	String lift(@PathVariable UUID id, Model model) {
		try {
			lifecycle.lift(id);
			return "redirect:/console/suspensions?lifted";
		}
		catch (AgreementRefusal refusal) {
			return show(model, SuspensionForm.empty(), refusal);
		}
	}

	private String show(Model model, SuspensionForm form, AgreementRefusal refusal) {
		model.addAttribute("suspensions", lifecycle.suspensions(200));
		model.addAttribute("form", form);
		model.addAttribute("refusal", refusal);
		model.addAttribute("reasons", SuspensionReason.values());
		model.addAttribute("features", Suspension.SUSPENDABLE);
		return "agreements/suspensions";
	}

	private Suspension.Request request(SuspensionForm form) {
		String code = form.customer() == null ? "" : form.customer().strip();
		UUID customer = "all".equalsIgnoreCase(code) ? null : customers.byCode(code).orElseThrow(() -> AgreementRefusal
			.invalid("customer", "customer", "there is no customer " + code + ".")).id();
		SuspensionScope scope = SuspensionScope.of(form.scope()).orElse(null);
		PortalFeature feature = form.feature() == null || form.feature().isBlank() ? null
				: PortalFeature.valueOf(form.feature().toUpperCase(Locale.ROOT));
		return new Suspension.Request(customer, scope, feature, form.relevantService(),
				SuspensionReason.of(form.reason()).orElse(null), SuspensionKind.of(form.kind()).orElse(null), form.note(),
				instant("start", form.start()), instant("end", form.end()), instant("cureDeadline", form.cureDeadline()));
	}

	private Instant instant(String field, String value) {
		try {
			return times.parseInput(value).orElse(null);
		}
		catch (DateTimeParseException ex) {
			throw AgreementRefusal.invalid(field, "date", "give a date and time such as 2027-03-31T22:00.");
		}
	}
}
