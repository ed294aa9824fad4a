package portal.agreements.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import portal.agreements.AgreementRefusal;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.agreements.lifecycle.Suspension;
import portal.agreements.lifecycle.SuspensionKind;
import portal.agreements.lifecycle.SuspensionReason;
import portal.agreements.lifecycle.SuspensionScope;
import portal.customers.Customers;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** Suspensions, withdrawals and terminations by the Company; service managers. */
@RestController
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasAnyRole('STAFF_SERVICE_MANAGER', 'STAFF_ADMIN')")
@Tag(name = "Console: suspensions", description = "Suspend, withdraw and terminate")
class ConsoleSuspensionsController {

	/**
	 * A suspension: {@code customer} is a customer code or {@code all}; scope whole, feature or
	 * service; reason art-11.1-1 … art-11.1-6 or art-12.1-1 … art-12.1-4; kind planned,
	 * emergency or breach; start (empty: now) and end (empty: open-ended).
	 */
	record SuspensionRequest(String customer, String scope, String feature, String relevantService, String reason,
			String kind, String note, Instant start, Instant end, Instant cureDeadline) {
	}

	/** A withdrawal of a feature or a relevant service's pages for everyone, from a date at least the notice ahead. */
	record WithdrawalRequest(String scope, String feature, String relevantService, String reason, String note,
			Instant start) {
	}

	/** Termination by the Company: mode {@code uncured-breach} or {@code at-once}. */
	record TerminationRequest(String mode, String reason, String note) {
	}

	private final AgreementLifecycle lifecycle;

	private final Customers customers;

	ConsoleSuspensionsController(AgreementLifecycle lifecycle, Customers customers) {
		this.lifecycle = lifecycle;
		this.customers = customers;
	}

	@GetMapping("/api/v1/console/suspensions")
	@Operation(summary = "Suspensions and withdrawals, newest start first")
	List<SuspensionResource> suspensions() {
		return lifecycle.suspensions(200).stream().map(SuspensionResource::of).toList();
	}

	@PostMapping("/api/v1/console/suspensions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Suspend all or part of the portal for one customer or for all")
	SuspensionResource suspend(@RequestBody SuspensionRequest request) {
		SuspensionKind kind = SuspensionKind.of(text(request.kind()))
			.filter(k -> k != SuspensionKind.WITHDRAWAL)
			.orElseThrow(() -> AgreementRefusal.invalid("kind", "kind", "choose planned, emergency or breach."));
		return SuspensionResource.of(lifecycle.announce(new Suspension.Request(customer(request.customer()),
				scope(request.scope()), feature(request.feature()), request.relevantService(), reason(request.reason()),
				kind, request.note(), request.start(), request.end(), request.cureDeadline())));
	}

	@DeleteMapping("/api/v1/console/suspensions/{id}")
	@Operation(summary = "Lift a suspension early")
	SuspensionResource lift(@PathVariable UUID id) {
		return SuspensionResource.of(lifecycle.lift(id));
	}

	@PostMapping("/api/v1/console/withdrawals")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Withdraw a part of the portal for every customer, announced the notice period ahead")
	SuspensionResource withdraw(@RequestBody WithdrawalRequest request) {
		if (request.start() == null) {
			throw AgreementRefusal.invalid("start", "required", "give the date the withdrawal takes effect.");
		}
		return SuspensionResource.of(lifecycle.announce(new Suspension.Request(null, scope(request.scope()),
				feature(request.feature()), request.relevantService(), reason(request.reason()),
				SuspensionKind.WITHDRAWAL, request.note(), request.start(), null, null)));
	}

	@PostMapping("/api/v1/console/customers/{code}/termination")
	@Operation(summary = "Terminate a customer's agreement: after an uncured breach, or at once")
	AgreementResource terminate(@PathVariable String code, @RequestBody TerminationRequest request) {
		boolean atOnce = switch (text(request.mode())) {
			case "at-once" -> true;
			case "uncured-breach" -> false;
			default -> throw AgreementRefusal.invalid("mode", "mode", "choose uncured-breach or at-once.");
		};
		return AgreementResource.of(lifecycle.terminateByCompany(code, atOnce, reason(request.reason()),
				request.note()));
	}

	private UUID customer(String code) {
		if (code == null || code.isBlank()) {
			throw AgreementRefusal.invalid("customer", "customer", "name a customer code or all.");
		}
		if ("all".equals(code)) {
			return null;
		}
		return customers.byCode(code.strip()).orElseThrow(() -> AgreementRefusal.invalid("customer", "customer",
				"there is no customer " + code.strip() + ".")).id();
	}

	private static SuspensionScope scope(String scope) {
		return SuspensionScope.of(text(scope))
			.orElseThrow(() -> AgreementRefusal.invalid("scope", "scope", "choose whole, feature or service."));
	}

	private static PortalFeature feature(String feature) {
		if (feature == null || feature.isBlank()) {
			return null;
		}
		try {
			return PortalFeature.valueOf(feature.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw AgreementRefusal.invalid("feature", "feature", "choose ordering, usage, user-administration, "
					+ "documents or services.");
		}
	}

	private static SuspensionReason reason(String reason) {
		return SuspensionReason.of(text(reason)).orElseThrow(() -> AgreementRefusal.invalid("reason",
				"suspension-reason", "choose one of art-11.1-1 … art-11.1-6 or art-12.1-1 … art-12.1-4."));
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}
}
