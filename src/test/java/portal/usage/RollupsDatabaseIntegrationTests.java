package portal.usage;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.datadoghq.sketch.ddsketch.DDSketch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.platform.Tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rollups PostgreSQL keeps, against the raw samples: repeated randomised
 * trials, each sending one set of samples shuffled, partly repeated and split into several
 * ingestion bodies, then comparing every hourly and daily bucket with count, min, max, sum and
 * mean computed from the distinct samples, and p95 within the stated relative error. Each
 * trial writes days of its own. The seed is printed in every failure; set
 * {@code -Dusage.rollups.seed=…} to replay one.
 */
@PortalIntegrationTest
@DisplayName("R-7.6 R-14.1 Rollups in the database equal the raw samples for any order and repetition of arrival")
class RollupsDatabaseIntegrationTests {

	private static final int TRIALS = 12;

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
	SampleWriter writer;

	record Sample(Instant at, double value) {
	}

	record Bucket(long count, double min, double max, double sum, Double p95) {
	}

	@Test
	@DisplayName("R-14.1 hourly and daily rollups equal count, min, max, sum and mean of the raw samples, p95 within 1 %,"
			+ " whatever the order, repetition and batching of arrival")
	void rollupsEqualRawSamples() throws Exception {
		trials("Rollup Trials", "trials", Instant.parse("2002-02-01T00:00:00Z"));
	}

	@Test
	@DisplayName("R-14.1 rollups stay exact when a body is merged in chunks whose boundaries fall inside hours and days")
	void rollupsEqualRawSamplesAcrossChunks() throws Exception {
		writer.chunkSize(37);
		try {
			trials("Rollup Chunks", "chunks", Instant.parse("2003-02-01T00:00:00Z"));
		}
		finally {
			writer.chunkSize(0);
		}
	}

	private void trials(String customerName, String circuitName, Instant first) throws Exception {
		long seed = Long.getLong("usage.rollups.seed", new Random().nextLong());
		UsageFixtures fixtures = new UsageFixtures(mvc, customers, keys, tenancy, jdbc);
		String key = fixtures.key("COMPANY");
		CustomerSummary customer = fixtures.customer(customerName);
		String circuit = fixtures.circuit(key, "COMPANY", customer, circuitName);
		for (int trial = 0; trial < TRIALS; trial++) {
			String context = "seed " + seed + ", trial " + trial;
			Random random = new Random(seed + trial);
			Instant start = first.plus(Duration.ofDays(3L * trial));
			List<Sample> samples = samples(random, start);

			List<Sample> arrivals = new ArrayList<>(samples);
			for (Sample sample : samples) {
				for (int again = random.nextInt(3); again > 0 && random.nextInt(4) == 0; again--) {
					arrivals.add(sample);
				}
			}
			Collections.shuffle(arrivals, random);
			// Some samples first arrive with another value, a new max or a low min, which their true
			// value then replaces: such buckets cannot be merged, they are recomputed.
			List<Sample> replaced = new ArrayList<>();
			for (Sample sample : samples) {
				if (random.nextInt(4) == 0) {
					replaced.add(new Sample(sample.at(), random.nextBoolean() ? 0 : 2e6));
				}
			}
			arrivals.addAll(0, replaced);
			int bodies = 2 + random.nextInt(4);
			List<Integer> cuts = new ArrayList<>();
			for (int i = 1; i < bodies; i++) {
				cuts.add(random.nextInt(arrivals.size() + 1));
			}
			cuts.add(0);
			cuts.add(arrivals.size());
			Collections.sort(cuts);
			for (int i = 0; i + 1 < cuts.size(); i++) {
				StringBuilder body = new StringBuilder("instance,metric,time,value\n");
				for (Sample sample : arrivals.subList(cuts.get(i), cuts.get(i + 1))) {
					body.append(circuit).append(",traffic-in,").append(sample.at()).append(',').append(sample.value())
						.append('\n');
				}
				fixtures.ingest(key, "text/csv", body.toString()).andExpect(status().isOk());
			}

			Instant end = start.plus(Duration.ofDays(2));
			assertBuckets(context + ", hourly (kept by day)", hours(fixtures, circuit, start, end),
					expected(samples, ChronoUnit.HOURS));
			assertBuckets(context + ", daily", stored(fixtures, "daily", circuit, start, end),
					expected(samples, ChronoUnit.DAYS));
		}
	}

	// Distinct 5-minute slots over two days, most hours holding several samples, some none.
	private static List<Sample> samples(Random random, Instant start) {
		List<Sample> samples = new ArrayList<>();
		for (int slot = 0; slot < 2 * 288; slot++) {
			if (random.nextInt(5) == 0) {
				double value = random.nextInt(10) == 0 ? 0 : Math.round(random.nextDouble() * 1e9) / 1e3;
				samples.add(new Sample(start.plus(Duration.ofMinutes(5L * slot)), value));
			}
		}
		return samples;
	}

	private static Map<Instant, Bucket> expected(List<Sample> samples, ChronoUnit unit) {
		Map<Instant, List<Double>> values = new TreeMap<>();
		for (Sample sample : samples) {
			values.computeIfAbsent(sample.at().truncatedTo(unit), b -> new ArrayList<>()).add(sample.value());
		}
		Map<Instant, Bucket> buckets = new TreeMap<>();
		values.forEach((bucket, list) -> {
			List<Double> sorted = new ArrayList<>(list);
			Collections.sort(sorted);
			double sum = 0;
			for (double value : list) {
				sum += value;
			}
			buckets.put(bucket, new Bucket(list.size(), sorted.get(0), sorted.get(sorted.size() - 1), sum,
					sorted.get((int) Math.floor(Sketches.P95 * (sorted.size() - 1)))));
		});
		return buckets;
	}

	// The rows of usage.hourly_days unpacked into their hours, as the queries read them.
	// The hours as their days' rows keep them; each hour's p95 is the one its sketch, which later arrivals merge
	// into, answers.
	private static Map<Instant, Bucket> hours(UsageFixtures fixtures, String circuit, Instant from, Instant to) {
		Map<Instant, Bucket> buckets = new TreeMap<>();
		fixtures.hours(circuit, "traffic-in").forEach((start, hour) -> {
			if (start.isBefore(from) || !start.isBefore(to)) {
				return;
			}
			DDSketch sketch = Sketches.empty();
			Sketches.mergeInto(sketch, hour.sketch());
			assertThat(Sketches.p95(sketch)).as("the p95 of the sketch of the hour " + start).isEqualTo(hour.p95());
			buckets.put(start, new Bucket(hour.count(), hour.min(), hour.max(), hour.sum(), hour.p95()));
		});
		return buckets;
	}

	private Map<Instant, Bucket> stored(UsageFixtures fixtures, String table, String circuit, Instant from, Instant to) {
		Map<Instant, Bucket> buckets = new TreeMap<>();
		fixtures.asSystem(() -> {
			jdbc.sql("""
					SELECT b.bucket, b.count, b.min, b.max, b.sum, b.p95 FROM usage.%s b
					JOIN usage.series s ON s.customer_id = b.customer_id AND s.id = b.series_id
					WHERE s.instance_id = ? AND s.metric = 'traffic-in' AND b.bucket >= ? AND b.bucket < ?""".formatted(table))
				.params(circuit, Timestamp.from(from), Timestamp.from(to))
				.query(rs -> {
					buckets.put(rs.getTimestamp(1).toInstant(), new Bucket(rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
							rs.getDouble(5), rs.getObject(6) == null ? null : rs.getDouble(6)));
				});
			return null;
		});
		return buckets;
	}

	private static void assertBuckets(String context, Map<Instant, Bucket> stored, Map<Instant, Bucket> expected) {
		assertThat(stored.keySet()).as(context + ": buckets").containsExactlyElementsOf(expected.keySet());
		expected.forEach((bucket, want) -> {
			Bucket got = stored.get(bucket);
			String where = context + ", bucket " + bucket;
			assertThat(got.count()).as(where + ": count").isEqualTo(want.count());
			assertThat(got.min()).as(where + ": min").isEqualTo(want.min());
			assertThat(got.max()).as(where + ": max").isEqualTo(want.max());
			assertThat(got.sum()).as(where + ": sum").isCloseTo(want.sum(), within(Math.abs(want.sum()) * 1e-12 + 1e-9));
			assertThat(got.sum() / got.count()).as(where + ": mean")
				.isCloseTo(want.sum() / want.count(), within(Math.abs(want.sum() / want.count()) * 1e-12 + 1e-9));
			assertThat(got.p95()).as(where + ": p95").isNotNull();
			assertThat(got.p95()).as(where + ": p95 within " + Sketches.RELATIVE_ACCURACY)
				.isCloseTo(want.p95(), within(want.p95() * Sketches.RELATIVE_ACCURACY + 1e-9));
		});
	}
}
