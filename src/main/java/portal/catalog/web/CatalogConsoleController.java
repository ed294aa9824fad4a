package portal.catalog.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import portal.catalog.AmendmentRefused;
import portal.catalog.Catalog;
import portal.catalog.CatalogAmendments;
import portal.catalog.events.CatalogAmended.Subject;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * The console's catalog page: the relevant services and contracting companies with
 * their state, and the kept amendments. Service managers and administrators rename and
 * retire entries, a retirement only after a confirmation step. Each URL answers with the
 * whole page, or with its fragment alone when htmx asks.
 */
@Controller
@Feature(PortalFeature.OPERATIONS)
class CatalogConsoleController {

	private static final String AMENDERS = "hasAnyRole('STAFF_SERVICE_MANAGER', 'STAFF_ADMIN')";

	private static final int HISTORY_SHOWN = 50;

	private static final Set<String> DONE = Set.of("renamed", "retired");

	private final Catalog catalog;

	private final CatalogAmendments amendments;

	CatalogConsoleController(Catalog catalog, CatalogAmendments amendments) {
		this.catalog = catalog;
		this.amendments = amendments;
	}

	@GetMapping("/console/catalog")
	String catalog(@RequestHeader(value = "HX-Request", required = false) String htmx,
			@RequestHeader(value = "HX-History-Restore-Request", required = false) String restore, Model model,
			HttpServletResponse response) {
		LocalDate today = catalog.today();
		model.addAttribute("services", catalog.listedServices().stream().map(s -> EntryView.of(s, today)).toList());
		model.addAttribute("companies", catalog.listedCompanies().stream().map(c -> EntryView.of(c, today)).toList());
		model.addAttribute("history", amendments.history(HISTORY_SHOWN).stream().map(AmendmentView::of).toList());
		return view(htmx, restore, response, "catalog/console", "catalog");
	}

	@GetMapping("/console/catalog/{list}/{key}")
	@PreAuthorize(AMENDERS)
	String entry(@PathVariable String list, @PathVariable String key, @RequestParam(required = false) String done,
			@RequestHeader(value = "HX-Request", required = false) String htmx,
			@RequestHeader(value = "HX-History-Restore-Request", required = false) String restore, Model model,
			HttpServletResponse response) {
		EntryView entry = entry(list, key);
		show(model, entry, new RenameForm(entry.name()), new RetireForm(null, false), Map.of());
		if (done != null && DONE.contains(done)) {
			model.addAttribute("done", done);
		}
		return view(htmx, restore, response, "catalog/entry", "entry");
	}

	@PostMapping("/console/catalog/{list}/{key}/name")
	@PreAuthorize(AMENDERS)
	String rename(@PathVariable String list, @PathVariable String key, @Valid @ModelAttribute RenameForm form,
			BindingResult binding, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		EntryView entry = entry(list, key);
		Map<String, String> errors = new LinkedHashMap<>();
		if (binding.hasFieldErrors("name")) {
			errors.put("name", "catalog.console.invalid.name");
		}
		else {
			refusal(() -> {
				if (EntryView.SERVICES.equals(list)) {
					amendments.renameService(key, form.name());
				}
				else {
					amendments.renameCompany(key, form.name());
				}
			}, "name").ifPresent(error -> errors.put(error.field(), error.messageKey()));
		}
		if (errors.isEmpty()) {
			return done(htmx, list, key, "renamed", model, response);
		}
		show(model, entry, form, new RetireForm(null, false), errors);
		return view(htmx, null, response, "catalog/entry", "entry");
	}

	@PostMapping("/console/catalog/{list}/{key}/retirement")
	@PreAuthorize(AMENDERS)
	String retire(@PathVariable String list, @PathVariable String key, @Valid @ModelAttribute RetireForm form,
			BindingResult binding, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		EntryView entry = entry(list, key);
		Map<String, String> errors = new LinkedHashMap<>();
		// A form without "confirmed" binds it as false, which is what its absence means.
		if (binding.hasFieldErrors("effectiveDate")) {
			errors.put("effectiveDate", "catalog.console.invalid.effective-date");
		}
		else {
			boolean services = EntryView.SERVICES.equals(list);
			refusal(() -> {
				if (!form.confirmed()) {
					check(services, key, form.effectiveDate());
				}
				else if (services) {
					amendments.retireService(key, form.effectiveDate());
				}
				else {
					amendments.retireCompany(key, form.effectiveDate());
				}
			}, "effectiveDate").ifPresent(error -> errors.put(error.field(), error.messageKey()));
		}
		if (errors.isEmpty() && form.confirmed()) {
			return done(htmx, list, key, "retired", model, response);
		}
		show(model, entry, new RenameForm(entry.name()), form, errors);
		model.addAttribute("confirming", errors.isEmpty());
		return view(htmx, null, response, "catalog/entry", "entry");
	}

	private void check(boolean services, String key, LocalDate effectiveDate) {
		if (services) {
			amendments.checkServiceRetirement(key, effectiveDate);
		}
		else {
			amendments.checkCompanyRetirement(key, effectiveDate);
		}
	}

	private String done(String htmx, String list, String key, String done, Model model, HttpServletResponse response) {
		if (!"true".equals(htmx)) {
			return "redirect:/console/catalog/" + list + "/" + key + "?done=" + done;
		}
		EntryView entry = entry(list, key);
		show(model, entry, new RenameForm(entry.name()), new RetireForm(null, false), Map.of());
		model.addAttribute("done", done);
		return view(htmx, null, response, "catalog/entry", "entry");
	}

	private void show(Model model, EntryView entry, RenameForm renameForm, RetireForm retireForm,
			Map<String, String> errors) {
		Subject subject = EntryView.SERVICES.equals(entry.list()) ? Subject.RELEVANT_SERVICE : Subject.CONTRACTING_COMPANY;
		model.addAttribute("entry", entry);
		model.addAttribute("today", catalog.today());
		model.addAttribute("renameForm", renameForm);
		model.addAttribute("retireForm", retireForm);
		model.addAttribute("errors", errors);
		model.addAttribute("confirming", false);
		model.addAttribute("history",
				amendments.history(subject, entry.key()).stream().map(AmendmentView::of).toList());
	}

	private EntryView entry(String list, String key) {
		LocalDate today = catalog.today();
		Optional<EntryView> entry = switch (list) {
			case EntryView.SERVICES -> catalog.listedService(key).map(s -> EntryView.of(s, today));
			case EntryView.COMPANIES -> catalog.listedCompany(key).map(c -> EntryView.of(c, today));
			default -> Optional.empty();
		};
		return entry.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** A refusal as the form shows it: beside its field, or above the form when it concerns no one field. */
	private record FieldError(String field, String messageKey) {
	}

	private static Optional<FieldError> refusal(Runnable amendment, String formField) {
		try {
			amendment.run();
			return Optional.empty();
		}
		catch (AmendmentRefused refused) {
			String field = refused.reason().field().equals(formField) ? formField : "form";
			return Optional.of(new FieldError(field, "catalog.refused." + refused.reason().slug()));
		}
	}

	// History restores need the whole page; the Vary header keeps caches from mixing the two answers.
	private static String view(String htmx, String restore, HttpServletResponse response, String template,
			String fragment) {
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		return "true".equals(htmx) && restore == null ? template + " :: " + fragment : template;
	}
}
