package portal.usage.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import portal.customers.SystemCaller;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.usage.IngestFormat;
import portal.usage.IngestionReport;
import portal.usage.UsageIngestion;
import portal.usage.UsageRefusal;

/**
 * Where relevant-service systems send usage samples in bulk. The mapping does not narrow the
 * content type, so that another type reaches the handler and is refused as a problem detail.
 */
@RestController
@Feature(PortalFeature.USAGE)
@Tag(name = "Usage ingestion", description = "Relevant-service systems send usage samples")
@SecurityRequirement(name = "systemKey")
class UsageIngestionController {

	private final UsageIngestion ingestion;

	private final long maxUncompressedBytes;

	UsageIngestionController(UsageIngestion ingestion,
			@Value("${portal.request.max-bulk-body-bytes}") long maxUncompressedBytes) {
		this.ingestion = ingestion;
		this.maxUncompressedBytes = maxUncompressedBytes;
	}

	@PostMapping("/api/v1/system/usage")
	@Operation(summary = "Ingests usage samples of the key's contracting company's instances",
			description = """
					Body: NDJSON, one `{"instance":"…","metric":"…","time":"2026-11-30T10:05:00Z","value":12.5}` per line \
					(`application/x-ndjson`), or CSV `instance,metric,time,value` with an optional header line \
					(`text/csv`); optionally `Content-Encoding: gzip`. Each line is checked on its own: the instance \
					must be under a contract of the key's contracting company, the metric one of its service's \
					descriptor, the time at most 5 minutes ahead (it is floored to the metric's interval), the value \
					finite and within the metric's range. Valid lines are kept, invalid ones counted and the first \
					100 reported with their line numbers.

					Idempotent: a sample for a (series, time) already stored with the same value adds nothing; \
					with another value it replaces the stored value (the last line wins within one body). The body \
					is one transaction: if it is neither NDJSON nor CSV from its first line, or breaks off, nothing \
					is written. Bodies stream with bounded memory, so they may be large (see the bulk body limit); \
					a gzip body is held to the same limit once decompressed, and past it the request is refused \
					with 413 and nothing is written.""")
	@Parameter(name = "Content-Encoding", in = ParameterIn.HEADER, description = "gzip, or absent",
			schema = @Schema(type = "string", allowableValues = { "gzip", "identity" }))
	@ApiResponse(responseCode = "200", description = "Read to the end: counts and the first 100 errors",
			content = @Content(schema = @Schema(implementation = IngestionReport.class)))
	@ApiResponse(responseCode = "400", description = "Neither NDJSON nor CSV, or unreadable; nothing written")
	@ApiResponse(responseCode = "413", description = "The body, or what it decompresses to, is over the bulk body limit; nothing written")
	@ApiResponse(responseCode = "415", description = "Another content type or encoding")
	IngestionReport ingest(@AuthenticationPrincipal SystemCaller caller, HttpServletRequest request)
			throws IOException {
		IngestFormat format = IngestFormat.of(request.getContentType()).orElseThrow(UsageRefusal::unsupportedType);
		String encoding = request.getHeader("Content-Encoding");
		InputStream body = request.getInputStream();
		if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
			if (!encoding.strip().toLowerCase(Locale.ROOT).equals("gzip")) {
				throw UsageRefusal.unsupportedType();
			}
			try {
				// The bulk body limit holds for the decompressed bytes too, not only the sent ones.
				body = new CappedStream(new GZIPInputStream(body, 1 << 16), maxUncompressedBytes);
			}
			catch (IOException ex) {
				throw UsageRefusal.unreadableBody("The body is not gzip; nothing was written.");
			}
		}
		return ingestion.ingest(caller.contractingCompany(), format, body);
	}
}
