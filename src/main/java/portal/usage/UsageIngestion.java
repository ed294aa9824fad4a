package portal.usage;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import portal.catalog.ServiceKindDescriptors;
import portal.catalog.UsageMetric;
import portal.customers.HeldInstance;
import portal.platform.Invalidations;

/**
 * Ingests usage samples a relevant-service system sends, line by line: valid lines
 * are kept, invalid ones reported with their line numbers. A line is valid when its instance
 * is under a contract of the sender's contracting company, its metric is one of the instance's
 * descriptor, its time is at most {@link #FUTURE_TOLERANCE} ahead, and its value is finite and
 * within the metric's range. Times are floored to the metric's interval. The whole body is one
 * transaction: a body that is neither NDJSON nor CSV, or that breaks off, writes nothing.
 */
@Service
public class UsageIngestion {

	static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

	private static final int MAX_REMEMBERED = 100_000;

	// Threads that read and parse bodies while the requests' threads write them; when all are busy a
	// request reads its body itself.
	private final ThreadPoolExecutor readers = new ThreadPoolExecutor(0, Runtime.getRuntime().availableProcessors(), 30,
			TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
				Thread thread = new Thread(runnable, "usage-body-reader");
				thread.setDaemon(true);
				return thread;
			});

	private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	private final SendingInstances instances;

	private final ServiceKindDescriptors descriptors;

	private final SeriesCatalog series;

	private final SampleWriter writer;

	private final TransactionTemplate transactions;

	private final Invalidations invalidations;

	private final Clock clock;

	UsageIngestion(SendingInstances instances, ServiceKindDescriptors descriptors, SeriesCatalog series,
			SampleWriter writer, TransactionTemplate transactions, Invalidations invalidations, Clock clock) {
		this.invalidations = invalidations;
		this.instances = instances;
		this.descriptors = descriptors;
		this.series = series;
		this.writer = writer;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Reads the body (already decompressed) to its end and answers what was kept and refused. */
	public IngestionReport ingest(String contractingCompany, IngestFormat format, InputStream body) {
		return transactions.execute(status -> {
			Run run = new Run(contractingCompany, format);
			try {
				return run.read(body);
			}
			catch (RuntimeException refused) {
				// A body refused halfway (over the limit, broken off) may leave a COPY open.
				run.abandon();
				throw refused;
			}
		});
	}

	// Writes samples the portal generates itself (demo data) through the same path, unchecked but for the series.
	void write(Iterable<GeneratedSample> samples) {
		transactions.executeWithoutResult(status -> {
			SampleWriter.Writing writing = writer.open();
			long line = 0;
			for (GeneratedSample sample : samples) {
				writing.add(sample.series(), sample.epochSecond(), sample.value(), ++line);
			}
			published(writing.finish());
		});
	}

	// Tells every node's dashboards whose usage changed, at commit.
	private void published(SampleWriter.Merged merged) {
		merged.customers().forEach(customer -> invalidations.publish(UsageDashboard.CHANGED_TOPIC, customer.toString()));
	}

	private record Target(Series series, MetricRange range) {
	}

	@PreDestroy
	void stopReaders() {
		readers.shutdownNow();
	}

	record GeneratedSample(Series series, long epochSecond, double value) {
	}

	private final class Run {

		private final String company;

		private final LineParser parser;

		private final Map<String, Optional<HeldInstance>> known = new HashMap<>();

		// By instance, then metric: no key is built per line.
		private final Map<String, Map<String, Target>> targets = new HashMap<>();

		private int remembered;

		// Whether this body asked for a series it did not know, which may have created it: what its
		// transaction reads is not kept for other bodies then.
		private boolean created;

		private final List<LineError> errors = new ArrayList<>();

		private final Instant latest = clock.instant().plus(FUTURE_TOLERANCE);

		private long lines;

		private long accepted;

		private long rejected;

		private SampleWriter.Writing writing;

		Run(String company, IngestFormat format) {
			this.company = company;
			this.parser = new LineParser(format);
		}

		void abandon() {
			if (writing != null) {
				writing.abandon();
			}
		}

		IngestionReport read(InputStream body) {
			writing = writer.open();
			if (!BodyReading.readAhead(body, parser, readers, this::take)) {
				BodyReading.read(body, parser, this::take);
			}
			SampleWriter.Merged merged = writing.finish();
			published(merged);
			return new IngestionReport(lines, accepted, merged.added(), merged.replaced(),
					accepted - merged.added() - merged.replaced(), rejected, errors);
		}

		// Takes a window of parsed lines: the instances they name that are not known yet are looked up
		// together, in two statements rather than two per instance, then each line is checked and written.
		private void take(BodyReading.Window window) {
			Set<String> unknown = new HashSet<>();
			for (int i = 0; i < window.size; i++) {
				SampleLine sample = window.samples[i];
				if (sample != null && !known.containsKey(sample.instance()) && !targets.containsKey(sample.instance())) {
					unknown.add(sample.instance());
				}
			}
			lookUp(unknown);
			lines += window.size;
			for (int i = 0; i < window.size; i++) {
				if (window.refusals[i] != null) {
					refuse(window.numbers[i], window.refusals[i]);
				}
				else {
					take(window.numbers[i], window.samples[i]);
				}
			}
		}

		private void take(long number, SampleLine sample) {
			try {
				Target found = targetOf(sample);
				if (!found.range().contains(sample.value())) {
					throw new LineRejected("value", "Must be " + found.range().describe() + " for " + sample.metric() + ".");
				}
				Series target = found.series();
				Instant time = sample.time();
				if (time.isAfter(latest)) {
					throw new LineRejected("time", "More than 5 minutes in the future.");
				}
				if (time.isBefore(EARLIEST)) {
					throw new LineRejected("time", "Before 2000-01-01.");
				}
				long step = target.interval().toSeconds();
				long epochSecond = Math.floorDiv(time.getEpochSecond(), step) * step;
				writing.add(target, epochSecond, sample.value(), number);
				accepted++;
			}
			catch (LineRejected ex) {
				refuse(number, ex);
			}
		}

		private void refuse(long number, LineRejected ex) {
			rejected++;
			if (errors.size() < IngestionReport.MAX_ERRORS) {
				errors.add(new LineError(number, ex.field(), ex.getMessage()));
			}
		}

		// The instances at once, and the series of those found at once.
		private void lookUp(Set<String> ids) {
			if (ids.isEmpty()) {
				return;
			}
			if (known.size() + ids.size() > MAX_REMEMBERED) {
				known.clear();
			}
			// The lookups run on the transaction's connection, which the chunk being written uses until it is done.
			writing.settle();
			Map<String, SendingInstances.Known> found = instances.of(company, ids, !created);
			for (String id : ids) {
				SendingInstances.Known instance = found.get(id);
				known.put(id, Optional.ofNullable(instance).map(SendingInstances.Known::instance));
				if (instance != null) {
					instance.series().forEach(existing -> rememberSeries(instance.instance(), existing));
				}
			}
		}

		private Target targetOf(SampleLine sample) throws LineRejected {
			Map<String, Target> ofInstance = targets.get(sample.instance());
			Target found = ofInstance == null ? null : ofInstance.get(sample.metric());
			if (found != null) {
				return found;
			}
			Optional<HeldInstance> instance = known.get(sample.instance());
			if (instance == null) {
				// Forgotten since its window looked it up: a body naming more instances than are remembered.
				lookUp(Set.of(sample.instance()));
				instance = known.get(sample.instance());
				found = targets.getOrDefault(sample.instance(), Map.of()).get(sample.metric());
				if (found != null) {
					return found;
				}
			}
			HeldInstance held = instance.orElseThrow(() -> new LineRejected("instance",
					"Unknown, or not under a contract of this key's contracting company."));
			UsageMetric metric = descriptors.find(held.relevantService())
				.flatMap(d -> d.metric(sample.metric()))
				.orElseThrow(() -> new LineRejected("metric", "Not a metric of " + held.relevantService() + "."));
			created = true;
			writing.settle();
			Target obtained = new Target(series.obtain(held, metric), MetricRange.of(metric.unit()));
			remember(sample.instance(), sample.metric(), obtained);
			return obtained;
		}

		private void rememberSeries(HeldInstance held, Series existing) {
			descriptors.find(held.relevantService())
				.flatMap(d -> d.metric(existing.metric()))
				.ifPresent(metric -> remember(held.id(), existing.metric(), new Target(existing, MetricRange.of(metric.unit()))));
		}

		private void remember(String instance, String metric, Target target) {
			if (++remembered > MAX_REMEMBERED) {
				targets.clear();
				remembered = 1;
			}
			targets.computeIfAbsent(instance, i -> new HashMap<>()).put(metric, target);
		}
	}
}
