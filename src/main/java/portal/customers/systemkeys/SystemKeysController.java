package portal.customers.systemkeys;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/** Staff issue, list and revoke the API keys of relevant-service systems. */
@RestController
@Feature(PortalFeature.OPERATIONS)
@RequestMapping("/api/v1/console/system-keys")
@Tag(name = "Console: system keys", description = "API keys of relevant-service systems, one contracting company each")
@PreAuthorize("hasRole('STAFF_ADMIN')")
class SystemKeysController {

	/** What staff give to issue a key. */
	record IssueRequest(@NotBlank @Size(max = 64) String name, @NotBlank @Size(max = 32) String contractingCompany) {
	}

	/** A key just issued: {@code key} is the token to hand to the system, shown this once. */
	record IssuedResponse(String id, String name, String contractingCompany, Instant createdAt, String key) {
	}

	private final ServiceSystemKeys keys;

	SystemKeysController(ServiceSystemKeys keys) {
		this.keys = keys;
	}

	@PostMapping
	@Operation(summary = "Issues a key bound to one contracting company; the response is the only time it is shown")
	ResponseEntity<IssuedResponse> issue(@Valid @RequestBody IssueRequest request) {
		IssuedSystemKey issued = keys.issued(request.name(), request.contractingCompany());
		SystemKeyView key = issued.key();
		return ResponseEntity.created(URI.create("/api/v1/console/system-keys/" + key.id()))
			.cacheControl(CacheControl.noStore())
			.body(new IssuedResponse(key.id(), key.name(), key.contractingCompany(), key.createdAt(), issued.token()));
	}

	@GetMapping
	@Operation(summary = "The keys, newest first, without their secrets")
	List<SystemKeyView> list() {
		return keys.list();
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revokes a key at once; revoking a revoked key changes nothing")
	ResponseEntity<Void> revoke(@PathVariable String id) {
		keys.revoke(id);
		return ResponseEntity.noContent().build();
	}
}
