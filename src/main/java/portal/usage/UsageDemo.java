package portal.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import portal.catalog.ServiceKindDescriptors;
import portal.catalog.UsageMetric;
import portal.customers.HeldInstance;
import portal.customers.HeldInstances;
import portal.platform.Tenancy;
import portal.platform.demo.DemoModeEnabled;

/**
 * Demo usage: 90 days for every demo instance with daily and weekly cycles, bursts and a few
 * outages that leave gaps, written through the same COPY path as ingestion. It runs in the
 * background once the portal is ready, so the first start stays fast; pages say so meanwhile.
 */
@Component
@Conditional(DemoModeEnabled.class)
class UsageDemo {

	private static final Logger log = LoggerFactory.getLogger(UsageDemo.class);

	static final Duration HISTORY = Duration.ofDays(90);

	private static final String SEED = "usage";

	private final HeldInstances instances;

	private final ServiceKindDescriptors descriptors;

	private final SeriesCatalog catalog;

	private final UsageIngestion ingestion;

	private final DemoLoading loading;

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final Clock clock;

	UsageDemo(HeldInstances instances, ServiceKindDescriptors descriptors, SeriesCatalog catalog,
			UsageIngestion ingestion, DemoLoading loading, JdbcClient jdbc, Tenancy tenancy, Clock clock) {
		this.instances = instances;
		this.descriptors = descriptors;
		this.catalog = catalog;
		this.ingestion = ingestion;
		this.loading = loading;
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void generateInTheBackground() {
		boolean seeded = tenancy.call(portal.platform.Actor.job("usage-demo"), portal.platform.TenantScope.system(),
				() -> jdbc.sql("SELECT count(*) FROM platform.demo_seeds WHERE name = ?").param(SEED)
					.query(Long.class).single() > 0);
		if (seeded) {
			return;
		}
		loading.started();
		Thread thread = new Thread(() -> {
			try {
				tenancy.runAsJob("usage-demo", this::generate);
			}
			catch (RuntimeException ex) {
				log.warn("Demo usage could not be generated", ex);
			}
			finally {
				loading.finished();
			}
		}, "usage-demo");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

	private void generate() {
		Instant end = clock.instant();
		long samples = 0;
		for (HeldInstance instance : instances.linked()) {
			List<UsageMetric> metrics = descriptors.find(instance.relevantService())
				.map(d -> d.metrics()).orElse(List.of());
			Random random = new Random(instance.id().hashCode());
			long[][] outages = outages(random, end);
			for (UsageMetric metric : metrics) {
				Series series = catalog.obtain(instance, metric);
				SyntheticSamples values = new SyntheticSamples(series, metric, end, outages, new Random(random.nextLong()));
				ingestion.write(() -> values);
				samples += values.produced;
			}
		}
		jdbc.sql("INSERT INTO platform.demo_seeds (name) VALUES (?) ON CONFLICT DO NOTHING").param(SEED).update();
		log.info("Demo usage generated: {} samples", samples);
	}

	// Three outages per instance, of one to six hours, as [start, end) epoch seconds.
	private static long[][] outages(Random random, Instant end) {
		long[][] outages = new long[3][2];
		for (int i = 0; i < outages.length; i++) {
			long start = end.minus(HISTORY).getEpochSecond() + (long) (random.nextDouble() * HISTORY.toSeconds());
			outages[i][0] = start;
			outages[i][1] = start + 3600L * (1 + random.nextInt(6));
		}
		return outages;
	}

	// The samples of one series, made as they are consumed: memory does not grow with the history.
	private static final class SyntheticSamples implements Iterator<UsageIngestion.GeneratedSample> {

		private final Series series;

		private final UsageMetric metric;

		private final long[][] outages;

		private final Random random;

		private final long step;

		private final long end;

		private final double scale;

		private long next;

		private long produced;

		private double burst;

		SyntheticSamples(Series series, UsageMetric metric, Instant end, long[][] outages, Random random) {
			this.series = series;
			this.metric = metric;
			this.outages = outages;
			this.random = random;
			this.step = metric.interval().toSeconds();
			this.end = end.getEpochSecond();
			this.next = Math.floorDiv(end.minus(HISTORY).getEpochSecond(), step) * step;
			this.scale = 0.5 + random.nextDouble();
			skipOutages();
		}

		@Override
		public boolean hasNext() {
			return next < end;
		}

		@Override
		public UsageIngestion.GeneratedSample next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			long at = next;
			next += step;
			skipOutages();
			produced++;
			return new UsageIngestion.GeneratedSample(series, at, value(at));
		}

		private void skipOutages() {
			for (long[] outage : outages) {
				if (next >= outage[0] && next < outage[1]) {
					next = Math.floorDiv(outage[1] + step - 1, step) * step;
				}
			}
		}

		// Office hours in Japan peak in the afternoon, weekends are quiet, and bursts come now and then.
		private double value(long at) {
			ZonedDateTime local = Instant.ofEpochSecond(at).atZone(ZoneOffset.ofHours(9));
			double hour = local.getHour() + local.getMinute() / 60.0;
			double daily = 0.25 + 0.75 * Math.max(0, Math.sin((hour - 7) / 12 * Math.PI));
			double weekly = local.getDayOfWeek().getValue() >= 6 ? 0.35 : 1.0;
			if (burst > 0) {
				burst -= 1;
			}
			else if (random.nextDouble() < 0.002) {
				burst = 3 + random.nextInt(9);
			}
			double load = daily * weekly * (burst > 0 ? 1.8 : 1.0) * (0.9 + 0.2 * random.nextDouble());
			return switch (metric.unit()) {
				case BITS_PER_SECOND -> Math.round(scale * 80e6 * load);
				case BYTES -> Math.round(scale * 2e9 * load * step / 3600.0);
				case PERCENT -> metric.key().contains("avail") ? (random.nextDouble() < 0.995 ? 100.0 : 97.5)
						: Math.min(100, Math.round(scale * 60 * load * 10) / 10.0);
				case MILLISECONDS -> Math.round((8 + 6 * load + random.nextGaussian()) * 10) / 10.0;
				case SECONDS -> random.nextDouble() < 0.03 ? random.nextInt(30) : 0;
				case CELSIUS -> Math.round((22 + 3 * load + random.nextGaussian() * 0.3) * 10) / 10.0;
				case DBM -> Math.round((-70 + 5 * random.nextGaussian()) * 10) / 10.0;
				case KILOWATTS -> Math.round(scale * 4 * (0.6 + 0.4 * load) * 100) / 100.0;
				case KILOWATT_HOURS -> Math.round(scale * 4 * (0.6 + 0.4 * load) * step / 3600.0 * 100) / 100.0;
				case RACK_UNITS -> Math.round(scale * 20);
				default -> Math.round(scale * 120 * load * step / 3600.0 * (0.8 + 0.4 * random.nextDouble()));
			};
		}
	}
}
