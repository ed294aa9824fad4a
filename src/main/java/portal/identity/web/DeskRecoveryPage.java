package portal.identity.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import portal.identity.IdentityException;
import portal.identity.lostcredentials.DeskRecovery;
import portal.identity.lostcredentials.LostCredentials;
import portal.identity.lostcredentials.LostReport;
import portal.identity.lostcredentials.VerificationMethod;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.web.FormErrors;

/**
 * The desk's recovery of lost or stolen login information: the reports, open ones
 * first; one report with how the person was verified out of band, a fresh activation for
 * the locked account after a confirmation step, and closing. The service audits each step.
 */
@Controller
@Feature(PortalFeature.OPERATIONS)
@RequestMapping("/console/lost-credentials")
@PreAuthorize("hasAnyRole('STAFF_DESK', 'STAFF_ADMIN')")
class DeskRecoveryPage {

	private static final String REPORT = "identity/console-lost-report";

	private static final List<String> METHODS = Arrays.stream(VerificationMethod.values())
		.map(VerificationMethod::key)
		.toList();

	private final LostCredentials lost;

	private final DeskRecovery desk;

	DeskRecoveryPage(LostCredentials lost, DeskRecovery desk) {
		this.lost = lost;
		this.desk = desk;
	}

	@GetMapping
	String reports(Model model) {
		var reports = lost.open();
		model.addAttribute("reports", reports);
		model.addAttribute("openCount", reports.stream().filter(LostReport::open).count());
		return "identity/console-lost-credentials";
	}

	@GetMapping("/{id}")
	String report(@PathVariable UUID id, Model model) {
		show(model, find(id), VerificationForm.empty(), PageErrors.none());
		return REPORT;
	}

	@PostMapping("/{id}/verification")
	String verify(@PathVariable UUID id, @ModelAttribute VerificationForm form, Model model,
			RedirectAttributes redirect) {
		LostReport report = find(id);
		try {
			desk.verify(id, form.chosen(), form.note());
		}
		catch (IdentityException refusal) {
			show(model, report, form, PageErrors.refused(PageErrors.none(), refusal, PageErrors.FORM));
			return REPORT;
		}
		return done(id, "identity.page.desk.done.verified", redirect);
	}

	/** Issuing a fresh activation asks first, on a page that says what will happen. */
	@GetMapping("/{id}/restoration")
	String confirmRestoration(@PathVariable UUID id, Model model) {
		model.addAttribute("report", find(id));
		PageErrors.none().addTo(model, List.of(PageErrors.FORM));
		return "identity/console-lost-restore";
	}

	@PostMapping("/{id}/restoration")
	String restore(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		LostReport report = find(id);
		try {
			desk.restore(id);
		}
		catch (IdentityException refusal) {
			// The confirmation page has no fields: every refusal is said at the top.
			model.addAttribute("report", report);
			PageErrors.none().add(PageErrors.FORM, PageErrors.messageKey(refusal)).addTo(model, List.of(PageErrors.FORM));
			return "identity/console-lost-restore";
		}
		return done(id, "identity.page.desk.done.restored", redirect);
	}

	@PostMapping("/{id}/closure")
	String close(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		LostReport report = find(id);
		try {
			desk.close(id);
		}
		catch (IdentityException refusal) {
			show(model, report, VerificationForm.empty(),
					PageErrors.refused(PageErrors.none(), refusal, PageErrors.FORM));
			return REPORT;
		}
		return done(id, "identity.page.desk.done.closed", redirect);
	}

	private LostReport find(UUID id) {
		try {
			return desk.report(id);
		}
		catch (IdentityException refusal) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private void show(Model model, LostReport report, VerificationForm form, FormErrors errors) {
		model.addAttribute("report", report);
		model.addAttribute("form", form);
		model.addAttribute("methods", METHODS);
		errors.addTo(model, VerificationForm.FIELDS);
	}

	private static String done(UUID id, String message, RedirectAttributes redirect) {
		redirect.addFlashAttribute("done", message);
		redirect.addAttribute("id", id);
		return "redirect:/console/lost-credentials/{id}";
	}
}
