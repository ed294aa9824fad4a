package portal.notices.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import portal.catalog.Catalog;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.notices.NoticeBoard;
import portal.notices.NoticeDraft;
import portal.notices.NoticeRefusal;
import portal.notices.NoticeView;
import portal.notices.events.NoticeRequested.Kind;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.web.Times;

/**
 * Staff compose, preview, schedule and edit notices before publication, and cancel them
 * after a confirmation step. The rules (notice period of a planned window,
 * which customers an affiliate's staff may address) are the notice board's; this page
 * shows each refusal beside its field.
 */
@Controller
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasAnyRole('STAFF_MAINTENANCE_PLANNER', 'STAFF_PUBLISHER')")
class ConsoleNoticeEditor {

	/** The refusals' field names as the form names its inputs. */
	private static final Map<String, String> FORM_FIELDS = Map.of("audience.customerId", "customerCode", "audience.role",
			"role", "audience.relevantService", "audienceService");

	/** The fields whose refusals have a message of their own in the notices bundle. */
	private static final java.util.Set<String> REFUSED_FIELDS = java.util.Set.of("publishAt", "eventStart", "kind",
			"audience", "customerCode", "audienceService", "relevantServices");

	private final NoticeBoard board;

	private final Customers customers;

	private final Catalog catalog;

	private final Times times;

	ConsoleNoticeEditor(NoticeBoard board, Customers customers, Catalog catalog, Times times) {
		this.board = board;
		this.customers = customers;
		this.catalog = catalog;
		this.times = times;
	}

	@GetMapping("/console/notices/new")
	String compose(Model model) {
		return form(model, null, NoticeForm.empty(times.zone()), NoticeForm.errors(), null);
	}

	@PostMapping("/console/notices/new")
	String submitNew(@ModelAttribute NoticeForm form, Model model) {
		return submit(null, form, model);
	}

	@GetMapping("/console/notices/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		NoticeView view = editable(id);
		String code = view.content().audience().customerId() == null ? ""
				: customers.byId(view.content().audience().customerId()).map(CustomerSummary::code).orElse("");
		return form(model, id, NoticeForm.of(view, code, times.zone()), NoticeForm.errors(), null);
	}

	@PostMapping("/console/notices/{id}/edit")
	String submitEdit(@PathVariable UUID id, @ModelAttribute NoticeForm form, Model model) {
		editable(id);
		return submit(id, form, model);
	}

	@GetMapping("/console/notices/{id}/cancel")
	String confirmCancel(@PathVariable UUID id, Model model) {
		model.addAttribute("notice", editable(id));
		return "notices/console-notice-cancel";
	}

	private String submit(UUID id, NoticeForm form, Model model) {
		Map<String, List<String>> errors = NoticeForm.errors();
		UUID customerId = null;
		if (form.needsCustomer()) {
			customerId = customers.byCode(form.customerCode() == null ? "" : form.customerCode().strip())
				.map(CustomerSummary::id).orElse(null);
			if (customerId == null) {
				errors.computeIfAbsent("customerCode", key -> new ArrayList<>()).add("notices.form.error.customer");
			}
		}
		NoticeDraft draft = form.draft(customerId, errors);
		if (!errors.isEmpty()) {
			return form(model, id, form, errors, null);
		}
		if (!"save".equals(form.action())) {
			return form(model, id, form, errors, draft);
		}
		try {
			if (id == null) {
				board.compose(draft);
			}
			else {
				board.edit(id, draft);
			}
			return "redirect:/console/notices?saved";
		}
		catch (NoticeRefusal refusal) {
			String field = refusal.field() == null ? "form" : FORM_FIELDS.getOrDefault(refusal.field(), refusal.field());
			// The board's rules speak English; the page shows its own message per field in the reader's language.
			String message = REFUSED_FIELDS.contains(field) ? "notices.form.error.refused." + field : refusal.getMessage();
			errors.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
			return form(model, id, form, errors, null);
		}
	}

	private NoticeView editable(UUID id) {
		NoticeView view = board.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!view.editable()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT);
		}
		return view;
	}

	private String form(Model model, UUID id, NoticeForm form, Map<String, List<String>> errors, NoticeDraft preview) {
		model.addAttribute("noticeId", id);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("firstError", errors.isEmpty() ? null : errors.keySet().iterator().next());
		model.addAttribute("preview", preview);
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("audiences", NoticeForm.AUDIENCES);
		model.addAttribute("services", catalog.relevantServices());
		model.addAttribute("minimumNotice", board.maintenanceNotice().toDays());
		return "notices/console-notice-form";
	}
}
