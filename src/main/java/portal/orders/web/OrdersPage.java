package portal.orders.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import portal.catalog.InvalidValue;
import portal.customers.ServiceInstanceSummary;
import portal.orders.ordering.Approvals;
import portal.orders.ordering.InvalidOrder;
import portal.orders.ordering.NewOrder;
import portal.orders.ordering.OrderFilter;
import portal.orders.ordering.OrderKind;
import portal.orders.ordering.OrderKinds;
import portal.orders.ordering.OrderPage;
import portal.orders.ordering.OrderRefusal;
import portal.orders.ordering.OrderState;
import portal.orders.ordering.Ordering;
import portal.orders.ordering.ServiceOrder;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.web.Htmx;
import portal.platform.web.Times;

/**
 * The customer portal's orders: the form of an order type generated from the descriptor,
 * with the instance's current values beside each field and the same checks as the API;
 * the history with filters and CSV export; one order with its timeline, cancellation and
 * approval. The history, its export and one order belong to {@link PortalFeature#SERVICES}: an ordering
 * suspension refuses new orders and changes, never the sight of past ones.
 */
@Controller
@Feature(PortalFeature.ORDERING)
@PreAuthorize("hasAnyRole('CUSTOMER_ADMINISTRATOR', 'CUSTOMER_ORDERER', 'CUSTOMER_VIEWER')")
class OrdersPage {

	static final int PAGE_SIZE = 25;

	/** Cells a spreadsheet would read as a formula (OWASP's CSV injection guidance). */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final Ordering ordering;

	private final Approvals approvals;

	private final OrderKinds kinds;

	private final MessageSource messages;

	private final Times times;

	OrdersPage(Ordering ordering, Approvals approvals, OrderKinds kinds, MessageSource messages, Times times) {
		this.times = times;
		this.ordering = ordering;
		this.approvals = approvals;
		this.kinds = kinds;
		this.messages = messages;
	}

	@Feature(PortalFeature.SERVICES)
	@GetMapping("/app/orders")
	String history(@RequestParam Map<String, String> params, Model model, HttpServletRequest request,
			HttpServletResponse response, Locale locale) {
		// Bounded so that the offset cannot wrap round to a negative number.
		int page = Math.min(Math.max(0, parseInt(params.get("page"))), Integer.MAX_VALUE / PAGE_SIZE);
		OrderPage orders;
		Map<String, String> errors = new HashMap<>();
		try {
			orders = ordering.history(filter(params), page * PAGE_SIZE, PAGE_SIZE);
		}
		catch (OrderRefusal refusal) {
			// Shown beside the filter field, with no orders rather than orders the filter did not ask for.
			errors.put(refusal.field(), messages.getMessage(refusal, locale));
			orders = new OrderPage(List.of(), 0, PAGE_SIZE, 0);
		}
		model.addAttribute("errors", errors);
		model.addAttribute("orders", orders);
		model.addAttribute("page", page);
		model.addAttribute("pages", (orders.total() + PAGE_SIZE - 1) / PAGE_SIZE);
		model.addAttribute("filter", params);
		model.addAttribute("states", OrderState.codes());
		model.addAttribute("query", query(params));
		return Htmx.view(request, response, "orders/history", "results");
	}

	@Feature(PortalFeature.SERVICES)
	@GetMapping(value = "/app/orders.csv", produces = "text/csv")
	void export(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
		// Checked before the first byte, so that a bad filter is answered as such rather than as a broken file.
		OrderFilter filter = filter(params);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"orders.csv\"");
		try (PrintWriter writer = response.getWriter();
				CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("id", "orderDate",
						"state", "relevantService", "orderTypes", "instances", "submittedBy", "approvedBy",
						"completionDate", "description").get())) {
			ordering.export(filter, order -> {
				try {
					csv.printRecord(order.id(), order.orderDate(), order.state().code(), cell(order.relevantService()),
							cell(String.join(" ", order.items().stream().map(i -> i.orderType()).toList())),
							cell(String.join(" ", order.items().stream().map(i -> i.instanceId()).toList())),
							cell(order.submittedBy()), cell(order.approvedBy().orElse("")),
							order.completionDate().map(Object::toString).orElse(""), cell(order.description()));
				}
				catch (IOException failed) {
					throw new UncheckedIOException(failed);
				}
			});
		}
	}

	/** A cell a spreadsheet would take for a formula is prefixed with a quote, so that it stays text. */
	static String cell(String text) {
		return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

	@GetMapping("/app/orders/new")
	@PreAuthorize("hasAnyRole('CUSTOMER_ADMINISTRATOR', 'CUSTOMER_ORDERER')")
	String form(@RequestParam String instanceId, @RequestParam(required = false) String type, Model model,
			Locale locale) {
		ServiceInstanceSummary instance = ordering.instance(instanceId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("instance", instance);
		model.addAttribute("types", kinds.of(instance.relevantService()).stream().filter(k -> !k.onContract())
			.map(k -> Map.of("key", k.key(), "name", k.type().name().in(locale))).toList());
		if (type == null || type.isBlank()) {
			return "orders/choose";
		}
		OrderKind kind = kind(instance, type);
		return form(model, instance, kind, Map.of(), Map.of(), "", UUID.randomUUID().toString(), locale);
	}

	@PostMapping("/app/orders")
	@PreAuthorize("hasAnyRole('CUSTOMER_ADMINISTRATOR', 'CUSTOMER_ORDERER')")
	String submit(@RequestParam Map<String, String> params, Model model, Locale locale,
			RedirectAttributes redirect) {
		String instanceId = params.getOrDefault("instanceId", "");
		ServiceInstanceSummary instance = ordering.instance(instanceId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		OrderKind kind = kind(instance, params.getOrDefault("type", ""));
		Map<String, String> values = FormField.values(params);
		Map<String, Object> submitted = new LinkedHashMap<>(values);
		submitted.values().removeIf(v -> v == null || v.toString().isBlank());
		String description = params.getOrDefault("description", "");
		String key = params.getOrDefault("idempotencyKey", "");
		Map<String, String> errors = new HashMap<>();
		for (InvalidValue invalid : kind.validate(submitted)) {
			errors.put(invalid.field(), messages.getMessage(invalid.messageKey(), invalid.arguments().toArray(),
					invalid.messageKey(), locale));
		}
		if (errors.isEmpty()) {
			try {
				ServiceOrder order = ordering.submit(new NewOrder(description, List.of(new NewOrder.Item(kind.key(),
						instanceId, "", submitted))), Optional.of(key)).order();
				redirect.addFlashAttribute("submitted", true);
				return "redirect:/app/orders/" + order.id();
			}
			catch (InvalidOrder invalid) {
				invalid.fields().forEach((field, message) -> errors.put(field.substring(field.lastIndexOf('.') + 1),
						message));
			}
			catch (OrderRefusal refusal) {
				errors.put("form", messages.getMessage(refusal, locale));
			}
		}
		return form(model, instance, kind, values, errors, description, key, locale);
	}

	@Feature(PortalFeature.SERVICES)
	@GetMapping("/app/orders/{id}")
	String order(@PathVariable UUID id, Model model) {
		ServiceOrder order = ordering.order(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("order", order);
		model.addAttribute("paused", ordering.actionsUnavailable(order).orElse(null));
		return "orders/order";
	}

	@PostMapping("/app/orders/{id}/cancel")
	@PreAuthorize("hasAnyRole('CUSTOMER_ADMINISTRATOR', 'CUSTOMER_ORDERER')")
	String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect,
			Locale locale) {
		try {
			ordering.cancel(id, note);
		}
		catch (OrderRefusal refusal) {
			redirect.addFlashAttribute("refusal", messages.getMessage(refusal, locale));
		}
		return "redirect:/app/orders/" + id;
	}

	@PostMapping("/app/orders/{id}/approval")
	@PreAuthorize("hasRole('CUSTOMER_ADMINISTRATOR')")
	String approval(@PathVariable UUID id, @RequestParam String decision, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect, Locale locale) {
		try {
			if ("approve".equals(decision)) {
				approvals.approve(id, note);
			}
			else {
				approvals.refuse(id, note);
			}
		}
		catch (OrderRefusal refusal) {
			redirect.addFlashAttribute("refusal", messages.getMessage(refusal, locale));
		}
		return "redirect:/app/orders/" + id;
	}

	private String form(Model model, ServiceInstanceSummary instance, OrderKind kind, Map<String, String> values,
			Map<String, String> errors, String description, String key, Locale locale) {
		model.addAttribute("instance", instance);
		model.addAttribute("kind", kind);
		model.addAttribute("kindName", kind.type().name().in(locale));
		model.addAttribute("fields", kind.parameters().stream()
			.map(p -> FormField.of(p, locale, instance.attributes().get(p.key()), values.get(p.key()),
					errors.get(p.key())))
			.toList());
		model.addAttribute("errors", errors);
		model.addAttribute("description", description);
		model.addAttribute("idempotencyKey", key);
		return "orders/form";
	}

	private OrderKind kind(ServiceInstanceSummary instance, String type) {
		return kinds.find(instance.relevantService(), type).filter(k -> !k.onContract())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private OrderFilter filter(Map<String, String> params) {
		String state = params.getOrDefault("state", "");
		Set<OrderState> states = state.isBlank() ? Set.of()
				: Set.of(OrderState.of(state).orElseThrow(() -> OrderRefusal.invalid("state", "Unknown state.")
					.explained("unknown-state")));
		LocalDate from = day("from", params.get("from"));
		LocalDate to = day("to", params.get("to"));
		// Compared as days: the period ends at the end of its "to" day, so a start one day later is still reversed.
		if (from != null && to != null && from.isAfter(to)) {
			throw OrderRefusal.invalid("from", "The start of the period is after its end.")
				.explained("period-reversed");
		}
		return OrderFilter.of(states, params.get("relevantService"), params.get("instanceId"),
				params.get("submittedBy"), from == null ? null : times.startOf(from),
				to == null ? null : times.startOf(to.plusDays(1)));
	}

	// A day of the filter starts at midnight where the person is.
	private static LocalDate day(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (java.time.DateTimeException invalid) {
			throw OrderRefusal.invalid(field, "Use a date such as 2026-12-01.").explained("date");
		}
	}

	private static int parseInt(String text) {
		try {
			return text == null ? 0 : Integer.parseInt(text);
		}
		catch (NumberFormatException notANumber) {
			return 0;
		}
	}

	private static String query(Map<String, String> params) {
		StringBuilder query = new StringBuilder();
		params.forEach((k, v) -> {
			if (!k.equals("page") && v != null && !v.isBlank()) {
				query.append(query.isEmpty() ? "" : "&").append(java.net.URLEncoder.encode(k,
						java.nio.charset.StandardCharsets.UTF_8)).append('=')
					.append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
			}
		});
		return query.toString();
	}
}
