package portal.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import portal.catalog.ServiceKindDescriptor;
import portal.catalog.ServiceKindDescriptors;
import portal.catalog.UsageMetric;
import portal.customers.HeldInstance;
import portal.customers.HeldInstances;
import portal.platform.Invalidations;
import portal.platform.NodeCache;
import portal.platform.ServiceLimit;
import portal.platform.Tenancy;

/**
 * What the usage pages show: a card per relevant service the customer holds with a
 * 24-hour sparkline per instance, the top instances of the leading metric, and an instance's
 * charts, table and availability over a range.
 */
@Service
@Transactional(readOnly = true)
public class UsageDashboard {

	/** Published with a customer's id when its usage changed (ingestion, erasure), "*" when anyone's may have. */
	public static final String CHANGED_TOPIC = "usage.changed";

	// Instances a card lists, each with its sparkline: a dashboard is a glance, not the inventory. A card
	// with more says how many it leaves out and links to the list of them all.
	static final int CARD_LINES = 10;

	// Dashboards kept per customer, user's limit, language and hour: what one shows changes only when usage
	// arrives or goes, when the inventory changes (both evict it, on every node), and when the hour turns
	// (the key changes). The time to live bounds what a missed eviction could leave; a dashboard weighs up
	// to about 50 KB (ten sparklines per service held), so a node keeps at most a thousand (about 50 MB).
	private static final Duration KEPT = Duration.ofMinutes(10);

	private static final int KEPT_AT_MOST = 1_000;

	private final NodeCache<View, Kept> kept;

	private final Tenancy tenancy;

	private final TransactionTemplate readOnly;

	private final HeldInstances instances;

	private final SeriesCatalog catalog;

	private final UsageQueries queries;

	private final ServiceKindDescriptors descriptors;

	private final Clock clock;

	UsageDashboard(HeldInstances instances, SeriesCatalog catalog, UsageQueries queries,
			ServiceKindDescriptors descriptors, Invalidations invalidations, Tenancy tenancy,
			TransactionTemplate transactions, Clock clock) {
		this.kept = invalidations.cache(KEPT, KEPT_AT_MOST);
		invalidations.subscribe(CHANGED_TOPIC, this::evict, kept::clear);
		invalidations.subscribe(HeldInstances.CHANGED_TOPIC, any -> kept.clear(), kept::clear);
		this.tenancy = tenancy;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.instances = instances;
		this.catalog = catalog;
		this.queries = queries;
		this.descriptors = descriptors;
		this.clock = clock;
	}

	/** A relevant service the customer holds: its first instances and how many the user may see in all. */
	public record Card(String service, String serviceName, String metricName, String unit, List<Line> instances,
			int total) {

		/** Whether the card leaves instances out. */
		public boolean partial() {
			return total > instances.size();
		}
	}

	/** One instance on a card: its 24-hour sparkline as SVG polylines (one per stretch without gaps). */
	public record Line(String id, String label, List<String> polylines, Double latest) {
	}

	public record Dashboard(List<Card> cards, String topMetric, String topMetricName, List<TopEntry> top) {
	}

	public record InstanceView(HeldInstance instance, String serviceName, QueryResult points,
			Availability availability, List<Segment> timeline) {
	}

	/** A stretch of the availability timeline, as percentages of its width. */
	public record Segment(double left, double width, String from, String to) {
	}

	private record View(UUID customer, ServiceLimit limit, Locale locale, long hour) {
	}

	private record Kept(UUID customer, Dashboard dashboard) {
	}

	private void evict(String customer) {
		if ("*".equals(customer)) {
			kept.clear();
		}
		else {
			kept.removeIf(k -> k.customer().toString().equals(customer));
		}
	}

	/**
	 * What the dashboard shows the current user: kept from an earlier request of the same hour when
	 * nothing it shows changed since, read otherwise ({@link #read}). A request served from what
	 * was kept reads nothing and borrows no connection.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Dashboard dashboard(UUID customer, Locale locale) {
		Instant now = clock.instant();
		View view = new View(customer, tenancy.limit(), locale, now.truncatedTo(ChronoUnit.HOURS).getEpochSecond());
		return kept.get(view, v -> new Kept(customer, readOnly.execute(status -> read(customer, locale, now))))
			.dashboard();
	}

	/**
	 * Reads what the page shows and nothing else, in four statements whatever the number of
	 * instances: the instances the user may see, the series of the cards' metrics, their last
	 * 24 hourly means (one statement for all), and the top instances' daily maxima.
	 */
	Dashboard read(UUID customer, Locale locale, Instant now) {
		Instant to = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
		Instant from = to.minus(Duration.ofHours(24));
		Map<String, List<HeldInstance>> byService = new LinkedHashMap<>();
		Map<String, String> labels = new HashMap<>();
		instances.of(customer).forEach(i -> {
			byService.computeIfAbsent(i.relevantService(), k -> new ArrayList<>()).add(i);
			labels.put(i.id(), i.label());
		});
		Map<String, Optional<UsageMetric>> leadingOf = new LinkedHashMap<>();
		byService.keySet().forEach(service -> leadingOf.put(service, leadingMetric(service)));
		List<String> metrics = leadingOf.values().stream().flatMap(Optional::stream).map(UsageMetric::key).distinct()
			.toList();
		// Series of the cards' metrics on instances the user may see; an instance's leading one draws its line.
		List<Series> shown = metrics.isEmpty() ? List.of()
				: catalog.ofMetrics(customer, metrics).stream().filter(s -> labels.containsKey(s.instanceId())).toList();
		Map<String, Series> leading = new HashMap<>();
		shown.stream()
			.filter(s -> leadingOf.getOrDefault(s.relevantService(), Optional.empty())
				.filter(m -> m.key().equals(s.metric())).isPresent())
			.forEach(s -> leading.put(s.instanceId(), s));
		List<Series> drawn = byService.values().stream().flatMap(held -> held.stream().limit(CARD_LINES))
			.map(i -> leading.get(i.id())).filter(s -> s != null).toList();
		Map<Long, List<Double>> values = new HashMap<>();
		if (!drawn.isEmpty()) {
			queries.pointsOf(customer, drawn, from, to, Step.HOUR, Stat.MEAN, locale).series()
				.forEach(p -> values.put(p.series().id(), p.values()));
		}
		List<Card> cards = new ArrayList<>();
		String topMetric = null;
		String topMetricName = null;
		for (Map.Entry<String, List<HeldInstance>> entry : byService.entrySet()) {
			Optional<ServiceKindDescriptor> descriptor = descriptors.find(entry.getKey());
			Optional<UsageMetric> metric = leadingOf.get(entry.getKey());
			List<Line> lines = entry.getValue().stream().limit(CARD_LINES).map(i -> {
				Series s = leading.get(i.id());
				List<Double> points = s == null ? List.of() : values.getOrDefault(s.id(), List.of());
				return new Line(i.id(), i.label(), polylines(points), latest(points));
			}).toList();
			cards.add(new Card(entry.getKey(), descriptor.map(ServiceKindDescriptor::name).orElse(entry.getKey()),
					metric.map(m -> m.name().in(locale)).orElse(""), metric.map(m -> m.unit().code()).orElse(""),
					lines, entry.getValue().size()));
			if (topMetric == null && metric.isPresent()) {
				topMetric = metric.get().key();
				topMetricName = metric.get().name().in(locale);
			}
		}
		String ranked = topMetric;
		List<TopEntry> top = topMetric == null ? List.of()
				: queries.top(customer, shown.stream().filter(s -> s.metric().equals(ranked)).toList(), labels,
						Stat.MAX, now.minus(Duration.ofDays(7)), now, 5);
		return new Dashboard(cards, topMetric, topMetricName, top);
	}

	/**
	 * An instance's charts and its availability, at the given step, or at the one picked for the
	 * range ({@link Step#forChart}) when null; a step finer than a series' interval becomes the
	 * finest its series allow.
	 */
	public Optional<InstanceView> instance(UUID customer, String instanceId, Instant from, Instant to, Step requested,
			Locale locale) {
		return instances.of(customer, instanceId).map(instance -> {
			List<Series> series = catalog.ofInstance(customer, instance.id());
			Step step = requested != null ? requested : Step.forChart(Duration.between(from, to));
			long coarsest = series.stream().mapToLong(s -> s.interval().toSeconds()).max().orElse(0);
			if (coarsest > step.length().toSeconds()) {
				step = coarsest > Step.HOUR.length().toSeconds() ? Step.DAY : Step.HOUR;
			}
			QueryResult points = series.isEmpty() ? null
					: queries.query(customer, series.stream().map(Series::id).toList(), from, to, step, Stat.MEAN, locale);
			Availability availability = queries.availability(customer, instance.id(), from, to);
			return new InstanceView(instance, descriptors.find(instance.relevantService())
				.map(ServiceKindDescriptor::name).orElse(instance.relevantService()), points, availability,
					timeline(availability));
		});
	}

	private Optional<UsageMetric> leadingMetric(String service) {
		return descriptors.find(service).flatMap(d -> d.metrics().stream().findFirst());
	}

	private static List<Segment> timeline(Availability availability) {
		double span = Duration.between(availability.from(), availability.to()).toSeconds();
		if (span <= 0) {
			return List.of();
		}
		return availability.outages().stream().map(o -> {
			double left = Duration.between(availability.from(), o.from()).toSeconds() / span * 100;
			double width = Math.max(0.4, Duration.between(o.from(), o.to()).toSeconds() / span * 100);
			return new Segment(Math.round(left * 100) / 100.0, Math.round(width * 100) / 100.0, o.from().toString(),
					o.to().toString());
		}).toList();
	}

	/** SVG polylines in a 100 × 24 box; a gap ends one polyline and the next value starts another. */
	static List<String> polylines(List<Double> values) {
		double max = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
		double min = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).min().orElse(0);
		double range = max - min == 0 ? 1 : max - min;
		List<String> lines = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int n = values.size();
		for (int i = 0; i < n; i++) {
			Double v = values.get(i);
			if (v == null) {
				if (!current.isEmpty()) {
					lines.add(current.toString().strip());
					current.setLength(0);
				}
				continue;
			}
			double x = n == 1 ? 50 : i * 100.0 / (n - 1);
			double y = 22 - (v - min) / range * 20;
			current.append(oneDecimal(x)).append(',').append(oneDecimal(y)).append(' ');
		}
		if (!current.isEmpty()) {
			lines.add(current.toString().strip());
		}
		return lines;
	}

	// As String.format("%.1f") writes it (half up), without a Formatter per point: a dashboard draws thousands.
	static String oneDecimal(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
	}

	private static Double latest(List<Double> values) {
		for (int i = values.size() - 1; i >= 0; i--) {
			if (values.get(i) != null) {
				return values.get(i);
			}
		}
		return null;
	}
}
