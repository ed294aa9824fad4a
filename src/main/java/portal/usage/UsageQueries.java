package portal.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.datadoghq.sketch.ddsketch.DDSketch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import portal.catalog.ServiceKindDescriptors;
import portal.catalog.UsageMetric;
import portal.customers.HeldInstance;
import portal.customers.HeldInstances;
import portal.platform.ServiceLimit;
import portal.platform.Tenancy;

/**
 * Reads usage for one customer: every query names the customer, so the primary keys
 * serve it and the row-level-security wall holds; a user limited to some services or instances
 * sees only their series. Points are aligned to the step; missing data stays null.
 */
@Service
public class UsageQueries {

	public static final String NOTICE = "Usage data is provided for reference and is not guaranteed.";

	static final int MAX_SERIES = 100;

	static final int MAX_POINTS = 30_000;

	private final SeriesCatalog catalog;

	private final HeldInstances instances;

	private final ServiceKindDescriptors descriptors;

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	private final Tenancy tenancy;

	private final Clock clock;

	UsageQueries(SeriesCatalog catalog, HeldInstances instances, ServiceKindDescriptors descriptors, JdbcClient jdbc,
			DataSource dataSource, TransactionTemplate transactions, Tenancy tenancy, Clock clock) {
		this.catalog = catalog;
		this.instances = instances;
		this.descriptors = descriptors;
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(5_000);
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.tenancy = tenancy;
		this.clock = clock;
	}

	/** The series of one instance the user may see; empty if the instance is not theirs. */
	public List<SeriesView> seriesOf(UUID customer, String instanceId, Locale locale) {
		HeldInstance instance = instances.of(customer, instanceId)
			.orElseThrow(() -> UsageRefusal.notFound("Instance " + instanceId));
		return catalog.ofInstance(customer, instance.id()).stream().map(s -> view(s, locale)).toList();
	}

	public QueryResult query(UUID customer, List<Long> seriesIds, Instant from, Instant to, Step step, Stat stat,
			Locale locale) {
		Window window = window(from, to, step);
		List<Series> series = visible(customer, seriesIds);
		check(series, step, stat);
		return points(customer, series, window, step, stat, locale);
	}

	// The points of series the caller already knows the user may see (the dashboard's sparklines).
	QueryResult pointsOf(UUID customer, List<Series> series, Instant from, Instant to, Step step, Stat stat,
			Locale locale) {
		Window window = window(from, to, step);
		check(series, step, stat);
		return points(customer, series, window, step, stat, locale);
	}

	// One statement for every series of the request, reading the one column the stat needs.
	private QueryResult points(UUID customer, List<Series> series, Window window, Step step, Stat stat,
			Locale locale) {
		Map<Long, PointValues> values = new HashMap<>();
		series.forEach(s -> values.put(s.id(), new PointValues(window.points())));
		if (!series.isEmpty() && step == Step.HOUR) {
			hoursByDay(customer, series, window, stat, values);
		}
		else if (!series.isEmpty()) {
			jdbc.sql(pointsSql(step, stat))
				.params(customer, series.stream().map(Series::id).toArray(Long[]::new), Timestamp.from(window.start()),
						Timestamp.from(window.end()))
				.query(rs -> {
					int index = window.index(rs.getLong(2));
					double value = rs.getDouble(3);
					if (!rs.wasNull()) {
						values.get(rs.getLong(1)).put(index, value);
					}
				});
		}
		List<Instant> times = new ArrayList<>(window.points());
		for (int i = 0; i < window.points(); i++) {
			times.add(window.time(i));
		}
		return new QueryResult(window.start(), window.end(), step.code(), step.raw() ? "value" : stat.code(), times,
				series.stream().map(s -> new QueryResult.Points(view(s, locale), values.get(s.id())))
					.toList(),
				NOTICE);
	}

	// Hourly points from the hourly rollups, kept by day (usage.hourly_days): a row per series and day
	// rather than per hour, 24 times fewer rows to find, check against the wall and send for the same points.
	private void hoursByDay(UUID customer, List<Series> series, Window window, Stat stat,
			Map<Long, PointValues> values) {
		jdbc.sql(hoursSql(stat))
			.params(customer, series.stream().map(Series::id).toArray(Long[]::new), firstDay(window),
					Timestamp.from(window.end()))
			.query(rs -> {
				PointValues points = values.get(rs.getLong(1));
				eachHour(rs, stat, window, points.size(), points::put);
			});
	}

	private interface HourPoint {

		void accept(int index, double value);

	}

	// A row's hours within the window, as point indexes and the stat's figures (none where it has none).
	private static void eachHour(ResultSet rs, Stat stat, Window window, int points, HourPoint point)
			throws SQLException {
		long day = rs.getLong(2);
		HoursOfDay buckets = new HoursOfDay(rs.getBytes(3), rs.getBytes(4), stat == Stat.MEAN ? rs.getBytes(5) : null);
		for (int i = 0; i < buckets.size(); i++) {
			int index = window.index(day + buckets.hour(i) * Rollups.HOUR);
			double figure = buckets.figure(i);
			if (index >= 0 && index < points && !Double.isNaN(figure)) {
				point.accept(index, buckets.counted() ? figure / buckets.count(i) : figure);
			}
		}
	}

	// The days' rows of hours of some series: series, day (epoch seconds), hours, and the stat's columns.
	private static String hoursSql(Stat stat) {
		String columns = switch (stat) {
			case MEAN -> "sum, count";
			default -> stat.code();
		};
		return "SELECT series_id, floor(date_part('epoch', day))::bigint, hours, " + columns
				+ " FROM usage.hourly_days WHERE customer_id = ? AND series_id = ANY (?) AND day >= ? AND day < ?";
	}

	private static Timestamp firstDay(Window window) {
		return Timestamp.from(Instant.ofEpochSecond(Math.floorDiv(window.startSecond(), Rollups.DAY) * Rollups.DAY));
	}

	/**
	 * Writes the points as CSV (header {@code time,instance,metric,unit,value}), one series after
	 * the other, row by row from a database cursor: memory does not grow with the range.
	 */
	public void export(UUID customer, List<Long> seriesIds, Instant from, Instant to, Step step, Stat stat,
			Writer out) {
		Window window = window(from, to, step);
		List<Series> series = visible(customer, seriesIds);
		check(series, step, stat);
		write(out, "time,instance,metric,unit,value\n");
		readOnly.executeWithoutResult(status -> {
			for (Series s : series) {
				String prefix = "," + csv(s.instanceId()) + "," + csv(s.metric()) + "," + unitOf(s) + ",";
				int[] next = { 0 };
				HourPoint row = (index, value) -> {
					while (next[0] < index) {
						write(out, window.time(next[0]++) + prefix + "\n");
					}
					write(out, window.time(next[0]++) + prefix + (Double.isNaN(value) ? "" : number(value)) + "\n");
				};
				if (step == Step.HOUR) {
					streaming.query(hoursSql(stat) + " ORDER BY day", rs -> {
						eachHour(rs, stat, window, window.points(), row);
					}, customer, new Long[] { s.id() }, firstDay(window), Timestamp.from(window.end()));
				}
				else {
					streaming.query(pointsSql(step, stat) + inTimeOrder(step), rs -> {
						double value = rs.getDouble(3);
						row.accept(window.index(rs.getLong(2)), rs.wasNull() ? Double.NaN : value);
					}, customer, new Long[] { s.id() }, Timestamp.from(window.start()), Timestamp.from(window.end()));
				}
				while (next[0] < window.points()) {
					write(out, window.time(next[0]++) + prefix + "\n");
				}
			}
		});
	}

	/** The customer's instances ranked by a statistic of a metric over whole UTC days (the daily rollups). */
	public List<TopEntry> top(UUID customer, String metric, Stat stat, Instant from, Instant to, int limit) {
		if (limit < 1 || limit > 100) {
			throw UsageRefusal.invalid("limit", "Between 1 and 100.");
		}
		if (stat == Stat.MIN) {
			throw UsageRefusal.invalid("stat", "Use max, mean, p95 or sum.");
		}
		List<Series> series = visibleOfMetric(customer, metric);
		if (series.isEmpty()) {
			return List.of();
		}
		Map<String, String> labels = new HashMap<>();
		instances.of(customer).forEach(i -> labels.put(i.id(), i.label()));
		return top(customer, series, labels, stat, from, to, limit);
	}

	// The top of series the caller already knows the user may see, labelled by instance (the dashboard).
	List<TopEntry> top(UUID customer, List<Series> visible, Map<String, String> labels, Stat stat, Instant from,
			Instant to, int limit) {
		Window window = window(from, to, Step.DAY);
		Map<Long, Series> series = new HashMap<>();
		visible.forEach(s -> series.put(s.id(), s));
		if (series.isEmpty()) {
			return List.of();
		}
		Long[] ids = series.keySet().toArray(Long[]::new);
		List<long[]> ranked = new ArrayList<>();
		Map<Long, Double> valueOf = new HashMap<>();
		if (stat == Stat.P95) {
			Map<Long, DDSketch> sketches = new HashMap<>();
			jdbc.sql("""
					SELECT series_id, sketch FROM usage.daily
					WHERE customer_id = ? AND series_id = ANY (?) AND bucket >= ? AND bucket < ? AND sketch IS NOT NULL""")
				.params(customer, ids, Timestamp.from(window.start()), Timestamp.from(window.end()))
				.query(rs -> {
					Sketches.mergeInto(sketches.computeIfAbsent(rs.getLong(1), k -> Sketches.empty()), rs.getBytes(2));
				});
			sketches.forEach((id, sketch) -> valueOf.put(id, Sketches.p95(sketch)));
		}
		else {
			String aggregate = switch (stat) {
				case MAX -> "max(max)";
				case SUM -> "sum(sum)";
				default -> "sum(sum) / sum(count)";
			};
			jdbc.sql("SELECT series_id, " + aggregate + """
					 FROM usage.daily WHERE customer_id = ? AND series_id = ANY (?) AND bucket >= ? AND bucket < ?
					 GROUP BY series_id""")
				.params(customer, ids, Timestamp.from(window.start()), Timestamp.from(window.end()))
				.query(rs -> {
					valueOf.put(rs.getLong(1), rs.getDouble(2));
				});
		}
		return valueOf.entrySet().stream()
			.sorted(Map.Entry.<Long, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey))
			.limit(limit)
			.map(e -> {
				Series s = series.get(e.getKey());
				return new TopEntry(s.instanceId(), labels.getOrDefault(s.instanceId(), s.instanceId()), s.id(),
						e.getValue(), unitOf(s));
			})
			.toList();
	}

	/**
	 * Outages of an instance: each interval of its finest series from its first sample in the
	 * range up to now (or the range's end) is down when no series of the instance has a sample
	 * then, or its availability sample is below 50 %.
	 */
	public Availability availability(UUID customer, String instanceId, Instant from, Instant to) {
		HeldInstance instance = instances.of(customer, instanceId)
			.orElseThrow(() -> UsageRefusal.notFound("Instance " + instanceId));
		List<Series> series = catalog.ofInstance(customer, instance.id());
		if (!from.isBefore(to)) {
			throw UsageRefusal.invalid("to", "Must be after from.");
		}
		if (Duration.between(from, to).compareTo(Duration.ofDays(400)) > 0) {
			throw UsageRefusal.invalid("to", "At most 400 days after from.");
		}
		if (series.isEmpty()) {
			return new Availability(instance.id(), from, to, "", null, List.of(), NOTICE);
		}
		long step = series.stream().mapToLong(s -> s.interval().toSeconds()).min().orElseThrow();
		long start = Math.floorDiv(from.getEpochSecond(), step) * step;
		long end = Math.min(to.getEpochSecond(), clock.instant().getEpochSecond());
		int slots = (int) Math.max(0, (end - start + step - 1) / step);
		byte[] state = new byte[slots];
		final byte present = 1;
		final byte unavailable = 2;
		long[] first = { Long.MAX_VALUE };
		Map<Long, String> metricOf = new HashMap<>();
		series.forEach(s -> metricOf.put(s.id(), s.metric()));
		Long[] ids = series.stream().map(Series::id).toArray(Long[]::new);
		// Whole hours the hourly rollups show up in every slot are marked so without reading their samples;
		// the samples are read only for the other stretches (gaps, outages, the range's partial hours).
		// Up to 2 days (576 samples per series at 5 minutes) one read of the samples costs less than three statements.
		long[][] read = { { start, end } };
		long upFrom = end - start > 2 * 86_400 ? firstSampleAt(customer, ids, start, end) : end;
		if (upFrom < end && 3600 % step == 0) {
			List<Long> upHours = hoursUp(customer, series, ids, step, upFrom, end);
			for (long hour : upHours) {
				int slot = (int) ((hour - start) / step);
				Arrays.fill(state, slot, slot + (int) (3600 / step), present);
				first[0] = Math.min(first[0], slot);
			}
			read = complement(upHours, upFrom, end);
		}
		if (read.length > 0) {
			Long[] lows = Arrays.stream(read).map(r -> r[0]).toArray(Long[]::new);
			Long[] highs = Arrays.stream(read).map(r -> r[1]).toArray(Long[]::new);
			jdbc.sql(STRETCHES)
				.params(lows, highs, customer, ids)
				.query(rs -> {
					long at = rs.getLong(2);
					int slot = (int) ((at - start) / step);
					first[0] = Math.min(first[0], slot);
					boolean down = "availability".equals(metricOf.get(rs.getLong(1))) && rs.getDouble(3) < 50;
					state[slot] |= down ? unavailable : present;
				});
		}
		List<Availability.Outage> outages = new ArrayList<>();
		long counted = 0;
		long down = 0;
		int runStart = -1;
		String runCause = "";
		for (int i = first[0] == Long.MAX_VALUE ? slots : (int) first[0]; i <= slots; i++) {
			boolean isDown = i < slots && (state[i] == 0 || (state[i] & unavailable) != 0);
			if (i < slots) {
				counted++;
				down += isDown ? 1 : 0;
			}
			if (isDown && runStart < 0) {
				runStart = i;
				runCause = state[i] == 0 ? "gap" : "unavailable";
			}
			else if (!isDown && runStart >= 0) {
				outages.add(new Availability.Outage(Instant.ofEpochSecond(start + runStart * step),
						Instant.ofEpochSecond(start + i * step), runCause));
				runStart = -1;
			}
		}
		// No sample at all in the range says nothing about availability: no figure rather than 100 % (R-14.3).
		Double percentage = counted == 0 ? null : Math.round(100_000.0 * (counted - down) / counted) / 1000.0;
		return new Availability(instance.id(), Instant.ofEpochSecond(start), Instant.ofEpochSecond(end),
				Duration.ofSeconds(step).toString(), percentage, outages, NOTICE);
	}

	// The samples of the stretches availability reads, a stretch at a time (OFFSET 0 keeps each apart: as a
	// plain join, PostgreSQL read all the instance's samples of the range and joined them to the stretches
	// afterwards, 68 ms against 2 ms). The stretch's times go into the primary key's index condition
	// (UsagePlansIntegrationTests), so each reads its stretch, not the series' history.
	static final String STRETCHES = """
			SELECT s.series_id, s.t, s.value FROM unnest(?::bigint[], ?::bigint[]) AS r(low, high)
			CROSS JOIN LATERAL (
			  SELECT series_id, floor(date_part('epoch', at))::bigint AS t, value FROM usage.samples
			  WHERE customer_id = ? AND series_id = ANY (?)
			   AND at >= to_timestamp(r.low) AND at < to_timestamp(r.high) OFFSET 0) s""";

	// The time of the instance's first sample in [start, end) as epoch seconds, or end if none: one
	// index probe per series (ordered by time, the day partitions in order, stopping at the first).
	// Rollups may outlive purged samples; from the first sample on, the samples are all there.
	private long firstSampleAt(UUID customer, Long[] ids, long start, long end) {
		Long first = jdbc.sql("""
				SELECT min(f.t) FROM unnest(?::bigint[]) AS i(id) CROSS JOIN LATERAL (
				  SELECT floor(date_part('epoch', s.at))::bigint AS t FROM usage.samples s
				  WHERE s.customer_id = ? AND s.series_id = i.id AND s.at >= ? AND s.at < ?
				  ORDER BY s.at LIMIT 1) f""")
			.params(ids, customer, Timestamp.from(Instant.ofEpochSecond(start)),
					Timestamp.from(Instant.ofEpochSecond(end)))
			.query(Long.class)
			.optional()
			.orElse(null);
		return first == null ? end : first;
	}

	// Whole hours within [from, end) in which every slot has a sample (a series sampled at the slot length
	// has all its samples: times are floored to the interval, one per time) and no availability sample is
	// below 50 %: exactly the hours the samples would mark present and never unavailable.
	private List<Long> hoursUp(UUID customer, List<Series> series, Long[] ids, long step, long from, long end) {
		long firstHour = Math.floorDiv(from + 3599, 3600) * 3600;
		long lastHour = Math.floorDiv(end, 3600) * 3600;
		if (firstHour >= lastHour) {
			return List.of();
		}
		Set<Long> complete = series.stream().filter(s -> s.interval().toSeconds() == step).map(Series::id)
			.collect(Collectors.toSet());
		Set<Long> availability = series.stream().filter(s -> "availability".equals(s.metric())).map(Series::id)
			.collect(Collectors.toSet());
		int full = (int) (3600 / step);
		// By hour: whether a series sampled at the slot length has every slot, and whether availability fell below 50 %.
		Map<Long, boolean[]> hours = new TreeMap<>();
		jdbc.sql("SELECT series_id, floor(date_part('epoch', day))::bigint, hours, count, min FROM usage.hourly_days"
				+ " WHERE customer_id = ? AND series_id = ANY (?) AND day >= ? AND day < ?")
			.params(customer, ids, Timestamp.from(Instant.ofEpochSecond(Math.floorDiv(firstHour, Rollups.DAY) * Rollups.DAY)),
					Timestamp.from(Instant.ofEpochSecond(lastHour)))
			.query(rs -> {
				long seriesId = rs.getLong(1);
				long day = rs.getLong(2);
				HoursOfDay counts = new HoursOfDay(rs.getBytes(3), rs.getBytes(5), rs.getBytes(4));
				for (int i = 0; i < counts.size(); i++) {
					long hour = day + counts.hour(i) * Rollups.HOUR;
					if (hour < firstHour || hour >= lastHour) {
						continue;
					}
					boolean[] flags = hours.computeIfAbsent(hour, h -> new boolean[2]);
					flags[0] |= complete.contains(seriesId) && counts.count(i) == full;
					flags[1] |= availability.contains(seriesId) && counts.figure(i) < 50;
				}
			});
		List<Long> up = new ArrayList<>();
		hours.forEach((hour, flags) -> {
			if (flags[0] && !flags[1]) {
				up.add(hour);
			}
		});
		return up;
	}

	// The stretches of [from, end) outside the given whole hours (ascending), as [low, high) epoch seconds.
	static long[][] complement(List<Long> hours, long from, long end) {
		List<long[]> stretches = new ArrayList<>();
		long at = from;
		for (long hour : hours) {
			if (hour > at) {
				stretches.add(new long[] { at, hour });
			}
			at = Math.max(at, hour + 3600);
		}
		if (at < end) {
			stretches.add(new long[] { at, end });
		}
		return stretches.toArray(long[][]::new);
	}

	/** Every series of the customer the user may see (the dashboard). */
	public List<SeriesView> seriesOf(UUID customer, Locale locale) {
		ServiceLimit limit = tenancy.limit();
		return catalog.ofCustomer(customer).stream()
			.filter(s -> limit.allows(s.relevantService(), s.instanceId()))
			.map(s -> view(s, locale))
			.toList();
	}

	private List<Series> visible(UUID customer, Collection<Long> ids) {
		if (ids.isEmpty() || ids.size() > MAX_SERIES) {
			throw UsageRefusal.invalid("series", "Name between 1 and " + MAX_SERIES + " series.");
		}
		ServiceLimit limit = tenancy.limit();
		List<Series> found = catalog.byIds(customer, List.copyOf(new java.util.LinkedHashSet<>(ids))).stream()
			.filter(s -> limit.admits(s.relevantService(), s.instanceId()))
			.toList();
		for (Long id : ids) {
			if (found.stream().noneMatch(s -> s.id() == id)) {
				throw UsageRefusal.notFound("Series " + id);
			}
		}
		return found;
	}

	private List<Series> visibleOfMetric(UUID customer, String metric) {
		ServiceLimit limit = tenancy.limit();
		return catalog.ofMetric(customer, metric).stream()
			.filter(s -> limit.allows(s.relevantService(), s.instanceId()))
			.toList();
	}

	private static void check(List<Series> series, Step step, Stat stat) {
		for (Series s : series) {
			if (s.interval().compareTo(step.length()) > 0) {
				throw UsageRefusal.invalid("step", "Series " + s.id() + " is sampled every " + s.interval()
						+ "; use a step at least that long.");
			}
			if (stat == Stat.P95 && !step.raw() && !s.percentile95()) {
				throw UsageRefusal.invalid("stat", "Series " + s.id() + " has no 95th percentile.");
			}
		}
	}

	// The time as whole epoch seconds (a bigint on the wire, no timestamp to decode per row), and the one
	// column the stat needs; rows in the time column's order when ordered.
	private static String pointsSql(Step step, Stat stat) {
		if (step == Step.HOUR) {
			throw new IllegalArgumentException("Hours are read by day (hoursSql)");
		}
		String time = step.raw() ? "at" : "bucket";
		return "SELECT series_id, floor(date_part('epoch', " + time + "))::bigint AS t, "
				+ (step.raw() ? "value" : stat.expression()) + " FROM usage." + step.table() + " WHERE customer_id = ?"
				+ " AND series_id = ANY (?) AND " + time + " >= ? AND " + time + " < ?";
	}

	private static String inTimeOrder(Step step) {
		return step.raw() ? " ORDER BY at" : " ORDER BY bucket";
	}

	private static Window window(Instant from, Instant to, Step step) {
		if (from == null || to == null || !from.isBefore(to)) {
			throw UsageRefusal.invalid("to", "Must be after from.");
		}
		long length = step.length().toSeconds();
		long start = Math.floorDiv(from.getEpochSecond(), length) * length;
		long points = (to.getEpochSecond() - start + length - 1) / length;
		if (points > MAX_POINTS) {
			throw UsageRefusal.invalid("step", "At most " + MAX_POINTS + " points per series; use a longer step.");
		}
		return new Window(start, length, (int) points);
	}

	private record Window(long startSecond, long length, int points) {

		Instant start() {
			return Instant.ofEpochSecond(startSecond);
		}

		Instant end() {
			return Instant.ofEpochSecond(startSecond + length * points);
		}

		Instant time(int index) {
			return Instant.ofEpochSecond(startSecond + length * index);
		}

		int index(long epochSecond) {
			return (int) ((epochSecond - startSecond) / length);
		}
	}

	SeriesView view(Series s, Locale locale) {
		Optional<UsageMetric> metric = metricOf(s);
		return new SeriesView(s.id(), s.instanceId(), s.relevantService(), s.metric(),
				metric.map(m -> m.name().in(locale)).orElse(s.metric()), unitOf(s), s.interval().toString(),
				metric.map(m -> m.aggregation().code()).orElse("avg"), s.percentile95());
	}

	private Optional<UsageMetric> metricOf(Series s) {
		return descriptors.find(s.relevantService()).flatMap(d -> d.metric(s.metric()));
	}

	private String unitOf(Series s) {
		return metricOf(s).map(m -> m.unit().code()).orElse("");
	}

	private static String number(double value) {
		return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
	}

	private static String csv(String value) {
		return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	private static void write(Writer out, String text) {
		try {
			out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
