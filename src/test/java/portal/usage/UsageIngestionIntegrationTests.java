package portal.usage;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-14.1 Relevant-service systems send usage samples in bulk")
class UsageIngestionIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Customers customers;

	@Autowired
	ServiceSystemKeys keys;

	@Autowired
	Tenancy tenancy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	UsageErasure erasure;

	UsageFixtures fixtures;

	String key;

	String circuit;

	CustomerSummary customer;

	@BeforeEach
	void aCircuit() throws Exception {
		fixtures = new UsageFixtures(mvc, customers, keys, tenancy, jdbc);
		key = fixtures.key("COMPANY");
		customer = fixtures.customer("Usage Works");
		circuit = fixtures.circuit(key, "COMPANY", customer, "c1");
	}

	private String line(String metric, String time, String value) {
		return "{\"instance\":\"%s\",\"metric\":\"%s\",\"time\":\"%s\",\"value\":%s}\n".formatted(circuit, metric, time,
				value);
	}

	private long samples() {
		return fixtures.count("""
				SELECT count(*) FROM usage.samples s JOIN usage.series r ON r.customer_id = s.customer_id AND r.id = s.series_id
				WHERE r.instance_id = ?""", circuit);
	}

	@Test
	@DisplayName("R-14.1 valid lines are kept and invalid ones reported with their line numbers")
	void keepsValidLinesAndReportsInvalidOnes() throws Exception {
		String body = line("traffic-in", "2026-11-30T08:00:00Z", "1000") + "\n"
				+ line("no-such-metric", "2026-11-30T08:00:00Z", "1") + line("traffic-in", "2026-11-30T08:05:00Z", "-5")
				+ "{\"instance\": 3}\n" + line("traffic-in", "2026-11-30T08:10:00Z", "1200")
				+ line("availability", "2026-11-30T08:10:00Z", "101");
		fixtures.ingest(key, "application/x-ndjson", body)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines").value(6))
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.added").value(2))
			.andExpect(jsonPath("$.rejected").value(4))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("metric"))
			.andExpect(jsonPath("$.errors[1].line").value(4))
			.andExpect(jsonPath("$.errors[1].field").value("value"))
			.andExpect(jsonPath("$.errors[2].line").value(5))
			.andExpect(jsonPath("$.errors[3].line").value(7));
		assertThat(samples()).isEqualTo(2);
		assertThat(fixtures.hours(circuit, "traffic-in").values()).extracting(UsageFixtures.Hour::count).containsExactly(2L);
	}

	@Test
	@DisplayName("R-14.1 a body longer than the lookup window: instances first named in any window are found, unknown ones"
			+ " refused, and the errors reported in line order")
	void checksLinesAcrossLookupWindows() throws Exception {
		String second = fixtures.circuit(key, "COMPANY", customer, "c2");
		int lines = BodyReading.WINDOW * 2 + 10;
		StringBuilder body = new StringBuilder("instance,metric,time,value\n");
		List<Long> refusedAt = new ArrayList<>();
		Instant start = Instant.parse("2026-10-01T00:00:00Z");
		for (int i = 0; i < lines; i++) {
			long lineNumber = i + 2;
			String time = start.plusSeconds(300L * (i / 2)).toString();
			if (i == 3 || i == BodyReading.WINDOW + 1) {
				body.append("NO-SUCH-INSTANCE,traffic-in,").append(time).append(",1\n");
				refusedAt.add(lineNumber);
			}
			else if (i == BodyReading.WINDOW - 1 || i == lines - 1) {
				body.append(circuit).append(",traffic-in,not-a-time,1\n");
				refusedAt.add(lineNumber);
			}
			else {
				// The second circuit is first named in the second window.
				String instance = i % 2 == 0 || i < BodyReading.WINDOW ? circuit : second;
				String metric = i % 2 == 0 ? "traffic-in" : "traffic-out";
				body.append(instance).append(',').append(metric).append(',').append(time).append(",5\n");
			}
		}
		String report = fixtures.ingest(key, "text/csv", body.toString())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines").value(lines))
			.andExpect(jsonPath("$.rejected").value(refusedAt.size()))
			.andExpect(jsonPath("$.accepted").value(lines - refusedAt.size()))
			.andExpect(jsonPath("$.added").value(lines - refusedAt.size()))
			.andReturn().getResponse().getContentAsString();
		List<Integer> reported = com.jayway.jsonpath.JsonPath.read(report, "$.errors[*].line");
		assertThat(reported.stream().map(Integer::longValue).toList()).isEqualTo(refusedAt);
		assertThat(fixtures.count("""
				SELECT count(*) FROM usage.samples s JOIN usage.series r ON r.customer_id = s.customer_id AND r.id = s.series_id
				WHERE r.instance_id = ?""", second)).isPositive();
	}

	@Test
	@DisplayName("R-14.1 a body of several windows and chunks: a later line for a stored (series, time) replaces it, the"
			+ " body sent again adds nothing, and the rollups equal the samples")
	void longBodiesKeepTheLastLineAndStayIdempotent() throws Exception {
		int distinct = BodyReading.WINDOW * 2 + 5;
		StringBuilder body = new StringBuilder();
		Instant start = Instant.parse("2026-07-01T00:00:00Z");
		long sum = 0;
		for (int i = 0; i < distinct; i++) {
			body.append(circuit).append(",traffic-in,").append(start.plusSeconds(300L * i)).append(',').append(i == 1 ? 7 : i)
				.append('\n');
			sum += i;
		}
		// The second line's sample again, in the last window, with the value it should end with.
		body.append(circuit).append(",traffic-in,").append(start.plusSeconds(300)).append(",1\n");
		fixtures.ingest(key, "text/csv", body.toString())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(distinct + 1))
			.andExpect(jsonPath("$.added").value(distinct))
			.andExpect(jsonPath("$.replaced").value(1))
			.andExpect(jsonPath("$.rejected").value(0));
		// Sent again it adds nothing. The body spans more days than a chunk, so its chunks are merged one
		// after the other: the second line's first value replaces the stored one, the last line restores it.
		fixtures.ingest(key, "text/csv", body.toString())
			.andExpect(jsonPath("$.added").value(0))
			.andExpect(jsonPath("$.replaced").value(2))
			.andExpect(jsonPath("$.unchanged").value(distinct - 1));
		assertThat(samples()).isEqualTo(distinct);
		assertThat(fixtures.count("""
				SELECT s.value::bigint FROM usage.samples s JOIN usage.series r ON r.customer_id = s.customer_id AND r.id = s.series_id
				WHERE r.instance_id = ? AND s.at = ?::timestamptz""", circuit, start.plusSeconds(300).toString())).isEqualTo(1);
		assertThat(fixtures.hours(circuit, "traffic-in").values().stream().mapToLong(UsageFixtures.Hour::count).sum())
			.as("hourly count").isEqualTo(distinct);
		assertThat(Math.round(fixtures.hours(circuit, "traffic-in").values().stream().mapToDouble(UsageFixtures.Hour::sum).sum()))
			.as("hourly sum").isEqualTo(sum);
		assertThat(fixtures.count("""
				SELECT sum(b.count) FROM usage.daily b JOIN usage.series r ON r.customer_id = b.customer_id AND r.id = b.series_id
				WHERE r.instance_id = ?""", circuit)).as("daily count").isEqualTo(distinct);
		assertThat(fixtures.count("""
				SELECT sum(b.sum)::bigint FROM usage.daily b JOIN usage.series r ON r.customer_id = b.customer_id AND r.id = b.series_id
				WHERE r.instance_id = ?""", circuit)).as("daily sum").isEqualTo(sum);
	}

	@Test
	@DisplayName("R-20.2 a body refused past the bulk body limit after chunks were already written writes nothing")
	void bodyRefusedHalfwayWritesNothing() throws Exception {
		StringBuilder body = new StringBuilder();
		Instant start = Instant.parse("2026-05-01T00:00:00Z");
		for (int i = 0; i < BodyReading.WINDOW * 3; i++) {
			body.append(circuit).append(",traffic-in,").append(start.plusSeconds(300L * i)).append(",5\n");
		}
		byte[] bytes = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		Object controller = context.getBean("usageIngestionController");
		Object limit = ReflectionTestUtils.getField(controller, "maxUncompressedBytes");
		// Past the limit in the third window, after chunks of several days were written.
		ReflectionTestUtils.setField(controller, "maxUncompressedBytes", bytes.length * 5L / 6);
		try {
			ByteArrayOutputStream zipped = new ByteArrayOutputStream();
			try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
				gzip.write(bytes);
			}
			mvc.perform(post("/api/v1/system/usage").header("Authorization", "Bearer " + key)
				.header("Content-Encoding", "gzip").contentType("text/csv").content(zipped.toByteArray()))
				.andExpect(status().isPayloadTooLarge());
		}
		finally {
			ReflectionTestUtils.setField(controller, "maxUncompressedBytes", limit);
		}
		assertThat(samples()).isZero();
		assertThat(fixtures.hours(circuit, "traffic-in")).isEmpty();
	}

	@Test
	@DisplayName("R-14.1 the same samples again add nothing; a new value replaces the stored one")
	void isIdempotent() throws Exception {
		String body = "instance,metric,time,value\n" + circuit + ",traffic-in,2026-11-30T09:00:00Z,10\n" + circuit
				+ ",traffic-in,2026-11-30T09:05:00Z,20\n";
		fixtures.ingest(key, "text/csv", body).andExpect(jsonPath("$.added").value(2));
		fixtures.ingest(key, "text/csv", body)
			.andExpect(jsonPath("$.added").value(0))
			.andExpect(jsonPath("$.replaced").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
		fixtures.ingest(key, "text/csv", circuit + ",traffic-in,2026-11-30T09:05:00Z,30\n")
			.andExpect(jsonPath("$.replaced").value(1));
		assertThat(samples()).isEqualTo(2);
		assertThat(fixtures.hours(circuit, "traffic-in").values()).extracting(UsageFixtures.Hour::sum).containsExactly(40.0);
		assertThat(fixtures.count("""
				SELECT d.max::bigint FROM usage.daily d JOIN usage.series r ON r.customer_id = d.customer_id AND r.id = d.series_id
				WHERE r.instance_id = ? AND r.metric = 'traffic-in'""", circuit)).isEqualTo(30);
	}

	@Test
	@DisplayName("R-14.1 a body that is neither NDJSON nor CSV is refused and nothing is written")
	void refusesBodiesOfNoFormat() throws Exception {
		fixtures.ingest(key, "application/x-ndjson", "<html>" + circuit + "</html>\n" + line("traffic-in",
				"2026-11-30T08:00:00Z", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").exists());
		fixtures.ingest(key, "application/json", line("traffic-in", "2026-11-30T08:00:00Z", "1"))
			.andExpect(status().isUnsupportedMediaType());
		assertThat(samples()).isZero();
	}

	@Test
	@DisplayName("R-14.1 a gzip body is read, and a time more than five minutes ahead is refused")
	void readsGzipAndRefusesTheFuture() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write((line("traffic-in", "2026-11-30T08:00:00Z", "1") + line("traffic-in", "2099-01-01T00:00:00Z", "1"))
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		mvc.perform(post("/api/v1/system/usage").header("Authorization", "Bearer " + key)
			.header("Content-Encoding", "gzip").contentType("application/x-ndjson").content(bytes.toByteArray()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("time"));
	}

	@Test
	@DisplayName("R-7.5 a system key writing another contracting company's instance is refused, line by line")
	void refusesAnotherCompanysInstance() throws Exception {
		String affiliateKey = fixtures.key("NTT-KOREA");
		fixtures.ingest(affiliateKey, "application/x-ndjson", line("traffic-in", "2026-11-30T08:00:00Z", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.errors[0].field").value("instance"));
		assertThat(samples()).isZero();
	}

	@Test
	@DisplayName("R-7.5 an instance moved to another customer's contract: the next body's samples go to that customer's"
			+ " series, though the instance was kept from the body before")
	void samplesFollowAnInstanceMovedToAnotherContract() throws Exception {
		fixtures.ingest(key, "application/x-ndjson", line("traffic-in", "2026-11-30T08:00:00Z", "1"))
			.andExpect(jsonPath("$.added").value(1));
		fixtures.ingest(key, "application/x-ndjson", line("traffic-in", "2026-11-30T07:55:00Z", "1"))
			.andExpect(jsonPath("$.added").value(1));
		CustomerSummary other = fixtures.customer("Usage Works Other");
		fixtures.circuit(key, "COMPANY", other, "c2");
		mvc.perform(put("/api/v1/system/service-instances/{id}", circuit).header("Authorization", "Bearer " + key)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"contractNo": "%s", "kind": "circuit", "label": "c1", "state": "active",
					 "attributes": {"circuitId": "CID-1001", "siteName": "Test site", "bandwidthMbps": 100,
					 "interface": "1000BASE-T"}}""".formatted(fixtures.unique("c2-k"))))
			.andExpect(status().is2xxSuccessful());
		fixtures.ingest(key, "application/x-ndjson", line("traffic-in", "2026-11-30T08:05:00Z", "2"))
			.andExpect(jsonPath("$.added").value(1));
		assertThat(samplesOf(customer)).as("the first customer keeps what was sent before the move").isEqualTo(2);
		assertThat(samplesOf(other)).as("the new customer gets what is sent after it").isEqualTo(1);
	}

	@Test
	@DisplayName("R-13.1 after a customer's usage is erased, the next body creates its series again and its samples are kept")
	void seriesErasedAreCreatedAgain() throws Exception {
		// The first body creates the series; the second finds it, and its instance and series are kept.
		fixtures.ingest(key, "application/x-ndjson", line("traffic-in", "2026-11-30T08:00:00Z", "1"))
			.andExpect(jsonPath("$.added").value(1));
		fixtures.ingest(key, "application/x-ndjson", line("traffic-in", "2026-11-30T08:05:00Z", "1"))
			.andExpect(jsonPath("$.added").value(1));
		fixtures.asSystem(() -> erasure.erase(customer.id()));
		assertThat(samples()).isZero();
		fixtures.ingest(key, "application/x-ndjson", line("traffic-in", "2026-11-30T08:10:00Z", "2"))
			.andExpect(jsonPath("$.added").value(1));
		assertThat(samples()).as("stored under a series that exists").isEqualTo(1);
		assertThat(fixtures.count("SELECT count(*) FROM usage.samples WHERE customer_id = ?", customer.id()))
			.as("and none under the erased one").isEqualTo(1);
	}

	private long samplesOf(CustomerSummary owner) {
		return fixtures.count("""
				SELECT count(*) FROM usage.samples s JOIN usage.series r ON r.customer_id = s.customer_id AND r.id = s.series_id
				WHERE r.instance_id = ? AND s.customer_id = ?""", circuit, owner.id());
	}

	@Test
	@DisplayName("R-20.2 a gzip body that decompresses past the bulk body limit is refused with 413 and nothing is written")
	void capsTheDecompressedSize() throws Exception {
		// Identical lines: tens of megabytes decompressed, far less than a megabyte sent.
		byte[] lineBytes = line("traffic-in", "2026-11-30T08:00:00Z", "1").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			for (int i = 0; i < 300_000; i++) {
				gzip.write(lineBytes);
			}
		}
		long decompressed = 300_000L * lineBytes.length;
		Object controller = context.getBean("usageIngestionController");
		Object limit = ReflectionTestUtils.getField(controller, "maxUncompressedBytes");
		ReflectionTestUtils.setField(controller, "maxUncompressedBytes", 1_000_000L);
		try {
			assertThat((long) bytes.size()).isLessThan(1_000_000L);
			assertThat(decompressed).isGreaterThan(10_000_000L);
			mvc.perform(post("/api/v1/system/usage").header("Authorization", "Bearer " + key)
				.header("Content-Encoding", "gzip").contentType("application/x-ndjson").content(bytes.toByteArray()))
				.andExpect(status().isContentTooLarge())
				.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("payload-too-large")))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Nothing was written")));
			assertThat(samples()).isZero();
		}
		finally {
			ReflectionTestUtils.setField(controller, "maxUncompressedBytes", limit);
		}
	}
}
