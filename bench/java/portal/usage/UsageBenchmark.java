package portal.usage;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import portal.PortalApplication;
import portal.bench.PagesSetup;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.systemkeys.ServiceSystemKeys;
import portal.identity.Role;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.administration.Registrations;
import portal.identity.credentials.PasswordHashes;
import portal.identity.credentials.Totp;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.ConsentConfirmations;
import portal.terms.Terms;

/**
 * Usage benchmarks, each next to a baseline measured in the same run on the same machine:
 * ingestion through the API vs raw binary COPY into the same partitioned table; queries from
 * rollups vs the same question from raw samples; dropping a day's partition; the dashboard's
 * model under 20 concurrent callers. Sizes are arguments, so a busy machine can run a reduced
 * size: {@code instances days} (1,000 × 90 gives the 51.8 M samples of the goals, 2 metrics).
 */
public final class UsageBenchmark {

	private static final int METRICS = 2;

	public static void main(String[] args) throws Exception {
		int instances = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		int days = args.length > 1 ? Integer.parseInt(args[1]) : 90;
		int reps = Integer.getInteger("bench.reps", 50);
		// The raw-table answers take seconds each at the full size: fewer runs give their p95.
		int rawReps = Integer.getInteger("bench.rawReps", Math.min(reps, 10));
		Path dataDir = Files.createTempDirectory("usage-bench");
		ConfigurableApplicationContext portal = SpringApplication.run(PortalApplication.class, "--server.port=0",
				"--portal.data-dir=" + dataDir, "--portal.demo=false", "--portal.jobs.enabled=false",
				// Twenty callers share the pool of ten connections: they queue for one, as requests would,
				// rather than fail fast after the production setting's 2 s on a loaded machine.
				"--spring.datasource.hikari.connection-timeout=60000",
				// One key registers a thousand instances and sends ninety bodies: past the per-key budget by design.
				"--portal.api.requests-per-minute=100000000",
				// Twenty viewers sign in from this one address within seconds.
				"--portal.identity.sign-ins-per-address-per-minute=100000",
				// A store of this size wants more than PostgreSQL's default 128 MB of shared buffers, as it
				// would be given in production; -Dbench.sharedBuffers=128MB measures with the default.
				"--portal.embedded.shared-buffers=" + System.getProperty("bench.sharedBuffers", "2GB"),
				"--logging.level.root=WARN", "--spring.main.banner-mode=off");
		try {
			System.out.printf("machine: %s; %d cores; load average %s; Java %s; shared_buffers %s%n", cpuModel(),
					Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"),
					portal.getBean(JdbcClient.class).sql("SHOW shared_buffers").query(String.class).single());
			System.out.printf("size: %d instances x %d metrics x %d days at 5 min = %,d samples%n", instances, METRICS,
					days, (long) instances * METRICS * days * 288);
			new UsageBenchmark(portal, instances, days, reps, rawReps).run();
		}
		finally {
			portal.close();
			// The embedded database of a full-size run weighs gigabytes: nothing of it is kept.
			org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	private final ConfigurableApplicationContext portal;

	private final int instances;

	private final int days;

	private final int reps;

	private final int rawReps;

	private final Tenancy tenancy;

	private final String base;

	private UsageBenchmark(ConfigurableApplicationContext portal, int instances, int days, int reps, int rawReps) {
		this.rawReps = rawReps;
		this.portal = portal;
		this.instances = instances;
		this.days = days;
		this.reps = reps;
		this.tenancy = portal.getBean(Tenancy.class);
		this.base = "http://localhost:" + portal.getEnvironment().getProperty("local.server.port");
	}

	private void run() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 6);
		CustomerSummary customer = asSystem(() -> portal.getBean(Customers.class)
			.register("Bench Usage " + run, "JP", "1-1 Bench Street"));
		String key = tenancy.call(Actor.staff("ST-BENCH"), TenantScope.allCustomers(),
				() -> portal.getBean(ServiceSystemKeys.class).issue("bench-" + run, "COMPANY"));
		String contract = "B-" + run;
		put("/api/v1/system/contracts/" + contract, key, """
				{"relevantService": "access-premium", "contractingCompany": "COMPANY",
				 "customerOfRecord": {"legalName": "%s", "registrationNumber": "REG-1"},
				 "customerCode": "%s", "startDate": "2024-04-01", "state": "active"}"""
			.formatted(customer.legalName(), customer.code()));
		for (int i = 0; i < instances; i++) {
			put("/api/v1/system/service-instances/" + contract + "-" + i, key, """
					{"contractNo": "%s", "kind": "circuit", "label": "Bench %d", "state": "active",
					 "attributes": {"circuitId": "CID-%d", "siteName": "Bench", "bandwidthMbps": 100,
					 "interface": "1000BASE-T"}}""".formatted(contract, i, 1000 + i));
		}
		Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
		Instant start = end.minus(Duration.ofDays(days));

		// 1. Ingestion through the API (one body per day, all instances and metrics), timed over the whole history.
		// Each day's body is rendered before its request is timed: the baseline renders nothing either. With
		// -Dbench.senders=N, N systems send at once, each its own days (day d by sender d mod N), as a system
		// catching up on its history with several workers would; the baseline then copies on N connections.
		//
		// Baseline: raw binary COPY of as many samples into the same partitioned table and indexes, as the owner
		// (COPY refuses tables under row-level security), for other series on the same days, a transaction per
		// day as the API has one per body, on connections opened before timing as the API's are pooled. The two
		// alternate round by round, so that both meet the same state of the machine and of the store (its size,
		// autovacuum, checkpoints): run one after the other, the raw rate alone moved between 283,000 and
		// 400,000 samples/s from run to run. -Dbench.sequential=true times all of the API's days, then all of
		// the baseline's (with the same connections and a transaction per day).
		boolean sequential = Boolean.getBoolean("bench.sequential");
		int senders = Integer.getInteger("bench.senders", 1);
		ExecutorService systems = Executors.newFixedThreadPool(senders);
		DataSource owner = portal.getBean(Flyway.class).getConfiguration().getDataSource();
		List<Connection> baseline = new ArrayList<>();
		for (int s = 0; s < senders; s++) {
			Connection connection = owner.getConnection();
			connection.setAutoCommit(false);
			baseline.add(connection);
		}
		long apiNanos = 0;
		long rawNanos = 0;
		long sent = 0;
		long copied = 0;
		for (int round = 0; round < days; round += senders) {
			List<java.io.ByteArrayOutputStream> bodies = new ArrayList<>();
			for (int d = round; d < Math.min(days, round + senders); d++) {
				java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(1 << 22);
				sent += renderDay(body, contract, start.plus(Duration.ofDays(d)));
				bodies.add(body);
			}
			long t0 = System.nanoTime();
			List<Future<Object>> posts = new ArrayList<>();
			for (java.io.ByteArrayOutputStream body : bodies) {
				posts.add(systems.submit(() -> {
					postDay(key, body);
					return null;
				}));
			}
			for (Future<Object> post : posts) {
				post.get();
			}
			apiNanos += System.nanoTime() - t0;
			if (!sequential) {
				long t1 = System.nanoTime();
				copied += rawCopies(systems, baseline, customer.id(), start, round, Math.min(days, round + senders));
				rawNanos += System.nanoTime() - t1;
			}
		}
		if (sequential) {
			long t1 = System.nanoTime();
			for (int round = 0; round < days; round += senders) {
				copied += rawCopies(systems, baseline, customer.id(), start, round, Math.min(days, round + senders));
			}
			rawNanos = System.nanoTime() - t1;
		}
		for (Connection connection : baseline) {
			connection.close();
		}
		systems.shutdown();
		double apiSeconds = apiNanos / 1e9;
		double apiRate = sent / apiSeconds;
		double rawRate = copied / (rawNanos / 1e9);
		System.out.printf("ingestion, %d sender(s), %s: API %,.0f samples/s (%,d in %.1f s; goal >= 300,000) | raw binary"
				+ " COPY on as many connections %,.0f samples/s | ratio %.2f (goal >= 0.6)%n", senders,
				sequential ? "one after the other" : "alternating by round", apiRate, sent, apiSeconds, rawRate,
				apiRate / rawRate);
		if ("ingestion".equals(System.getProperty("bench.only"))) {
			return;
		}

		// Reads are measured on a settled store: right after a load of this size autovacuum and autoanalyze
		// work through the new partitions and rollups for minutes, on the same two cores. Done here at once,
		// as they would do on their own, so that the figures below are the reads' and not theirs.
		long t3 = System.nanoTime();
		try (Connection connection = owner.getConnection(); java.sql.Statement statement = connection.createStatement()) {
			statement.execute("VACUUM (ANALYZE) usage.series, usage.samples, usage.hourly_days, usage.daily");
		}
		System.out.printf("settled (VACUUM ANALYZE of the usage tables) in %.1f s%n", (System.nanoTime() - t3) / 1e9);

		// 2. Queries, server side (the service the controller calls), next to the raw-table answer.
		UsageQueries queries = portal.getBean(UsageQueries.class);
		JdbcClient jdbc = portal.getBean(JdbcClient.class);
		List<Long> series = asCustomer(customer, () -> jdbc.sql(
				"SELECT id FROM usage.series WHERE customer_id = ? AND metric = 'traffic-in' ORDER BY id")
			.param(customer.id()).query(Long.class).list());
		List<Long> hundred = series.subList(0, Math.min(100, series.size()));
		Instant month = end.minus(Duration.ofDays(Math.min(30, days)));
		report("30 days at 1 h, 100 series (goal p95 <= 20 ms)",
				() -> asCustomer(customer, () -> queries.query(customer.id(), hundred, month, end, Step.HOUR, Stat.MEAN,
						Locale.ENGLISH)),
				() -> asCustomer(customer, () -> jdbc.sql("""
						SELECT series_id, date_trunc('hour', at, 'UTC'), avg(value) FROM usage.samples
						WHERE customer_id = ? AND series_id = ANY (?) AND at >= ? AND at < ? GROUP BY 1, 2""")
					.params(customer.id(), hundred.toArray(Long[]::new), java.sql.Timestamp.from(month),
							java.sql.Timestamp.from(end))
					.query().listOfRows()));
		List<Long> one = series.subList(0, 1);
		report("one instance, all days at 1 h (goal p95 <= 10 ms)",
				() -> asCustomer(customer, () -> queries.query(customer.id(), one, start, end, Step.HOUR, Stat.MEAN,
						Locale.ENGLISH)),
				() -> asCustomer(customer, () -> jdbc.sql("""
						SELECT date_trunc('hour', at, 'UTC'), avg(value) FROM usage.samples
						WHERE customer_id = ? AND series_id = ? AND at >= ? AND at < ? GROUP BY 1""")
					.params(customer.id(), one.get(0), java.sql.Timestamp.from(start), java.sql.Timestamp.from(end))
					.query().listOfRows()));
		report("top 10 by p95, all instances, 30 days (goal p95 <= 150 ms)",
				() -> asCustomer(customer, () -> queries.top(customer.id(), "traffic-in", Stat.P95, month, end, 10)),
				() -> asCustomer(customer, () -> jdbc.sql("""
						SELECT s.instance_id, percentile_disc(0.95) WITHIN GROUP (ORDER BY v.value) AS p95
						FROM usage.series s JOIN usage.samples v ON v.customer_id = s.customer_id AND v.series_id = s.id
						WHERE s.customer_id = ? AND s.metric = 'traffic-in' AND v.at >= ? AND v.at < ?
						GROUP BY 1 ORDER BY 2 DESC LIMIT 10""")
					.params(customer.id(), java.sql.Timestamp.from(month), java.sql.Timestamp.from(end))
					.query().listOfRows()));

		// The instance page's model (chart points at the step the page picks, availability), per range, next to
		// reading the range's raw samples of the instance, which is what a page reading 5-minute history pays.
		UsageDashboard pages = portal.getBean(UsageDashboard.class);
		String instance = contract + "-0";
		List<Long> both = asCustomer(customer, () -> jdbc.sql(
				"SELECT id FROM usage.series WHERE customer_id = ? AND instance_id = ? ORDER BY id")
			.params(customer.id(), instance).query(Long.class).list());
		for (int range : new int[] { 1, 7, 30, 90 }) {
			Instant from = end.minus(Duration.ofDays(range));
			report("instance page model, " + range + (range == 1 ? " day" : " days") + " of 2 series",
					() -> asCustomer(customer, () -> pages.instance(customer.id(), instance, from, end, null, Locale.ENGLISH)
						.orElseThrow()),
					() -> asCustomer(customer, () -> jdbc.sql("""
							SELECT series_id, at, value FROM usage.samples
							WHERE customer_id = ? AND series_id = ANY (?) AND at >= ? AND at < ?""")
						.params(customer.id(), both.toArray(Long[]::new), java.sql.Timestamp.from(from),
								java.sql.Timestamp.from(end))
						.query().listOfRows()));
		}

		if (Boolean.getBoolean("bench.explain")) {
			explain(jdbc, customer, hundred, one, month, end);
		}

		// 3. The dashboard model under 20 concurrent callers (in process; HTTP adds the web stack on top).
		// First read every time, nothing kept, the callers pausing not at all: what each request would cost
		// if nothing were kept, under the heaviest load.
		UsageDashboard dashboard = portal.getBean(UsageDashboard.class);
		TransactionTemplate readOnly = new TransactionTemplate(portal.getBean(PlatformTransactionManager.class));
		readOnly.setReadOnly(true);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<Future<Long>> timings = new ArrayList<>();
		for (int i = 0; i < 20 * reps; i++) {
			timings.add(pool.submit(() -> {
				long s = System.nanoTime();
				asCustomer(customer, () -> readOnly.execute(status -> dashboard.read(customer.id(), Locale.ENGLISH,
						Instant.now())));
				return System.nanoTime() - s;
			}));
		}
		printTimings("dashboard model read every time (nothing kept), 20 concurrent callers without pause", timings);

		// Then as served: kept between requests, for 20 users each pausing up to a second between requests
		// (half a second on average) for 30 seconds, while the system sends the latest 5 minutes of every
		// instance once a second (real systems send them every 5 minutes), each body evicting what was kept.
		pool.shutdown();
		AsServed model = asServed(key, contract, () -> asCustomer(customer, () -> dashboard.dashboard(customer.id(),
				Locale.ENGLISH)) != null);
		printTimings("dashboard model as served (kept between requests), 20 users pausing up to 1 s, " + model.bodies()
				+ " bodies evicting it in 30 s", model.timings());

		// The page itself over HTTP, as the same 20 users see it: each signed in with their own session, every
		// request going through the security filters, the session store and the page template.
		List<String> sessions = signInViewers(customer, 20);
		java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
			.version(java.net.http.HttpClient.Version.HTTP_1_1)
			.build();
		java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
		ThreadLocal<String> session = ThreadLocal.withInitial(() -> sessions.get(turn.getAndIncrement() % sessions.size()));
		// Warmed up as the model was by the runs before it: the page's template and code paths compiled.
		for (int i = 0; i < 10; i++) {
			for (String signedIn : sessions) {
				if (!dashboardPage(browser, signedIn)) {
					throw new IllegalStateException("The dashboard page did not answer as it should");
				}
			}
		}
		AsServed page = asServed(key, contract, () -> dashboardPage(browser, session.get()));
		printTimings("dashboard page over HTTP as served, 20 signed-in users pausing up to 1 s, " + page.bodies()
				+ " bodies evicting it in 30 s", page.timings());

		// 4. Purging one day's partition.
		LocalDate firstDay = LocalDate.ofInstant(start, ZoneOffset.UTC);
		long t2 = System.nanoTime();
		long dropped = asSystem(() -> jdbc.sql("SELECT coalesce(sum(sample_count), 0) FROM usage.drop_partitions_before(?)")
			.param(firstDay.plusDays(1)).query(Long.class).single());
		System.out.printf("purge one day's partition: %.0f ms for %,d samples (goal <= 1 s)%n",
				(System.nanoTime() - t2) / 1e6, dropped);
	}

	/** Timings of 20 users' requests over 30 seconds, and how many bodies the system sent meanwhile. */
	private record AsServed(List<Future<Long>> timings, int bodies) {
	}

	// The next 5-minute slot the system sends (from midnight UTC of the run's day on): each body is new, so
	// each one changes the customer's usage and evicts the kept dashboard.
	private final java.util.concurrent.atomic.AtomicLong nextSlot = new java.util.concurrent.atomic.AtomicLong();

	/**
	 * 20 users each sending the request (true when it answered as it should), pausing up to a second
	 * between requests, for 30 seconds, while the system sends the latest 5 minutes of every instance
	 * once a second. A request that answers otherwise or throws counts as failed.
	 */
	private AsServed asServed(String key, String contract, java.util.concurrent.Callable<Boolean> request)
			throws Exception {
		nextSlot.compareAndSet(0, Instant.now().truncatedTo(ChronoUnit.DAYS).getEpochSecond());
		java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean(true);
		java.util.concurrent.atomic.AtomicInteger bodies = new java.util.concurrent.atomic.AtomicInteger();
		Thread sender = new Thread(() -> {
			while (sending.get() && nextSlot.get() + 300 < Instant.now().getEpochSecond()) {
				try {
					java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
					try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8))) {
						String time = Instant.ofEpochSecond(nextSlot.getAndAdd(300)).toString();
						for (int i = 0; i < instances; i++) {
							out.write(contract + "-" + i + ",traffic-in," + time + "," + (1_000_000 + i) + "\n");
							out.write(contract + "-" + i + ",traffic-out," + time + "," + (2_000_000 + i) + "\n");
						}
					}
					postDay(key, body);
					bodies.incrementAndGet();
					Thread.sleep(1_000);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
		});
		sender.start();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		List<Future<List<Future<Long>>>> users = new ArrayList<>();
		for (int u = 0; u < 20; u++) {
			users.add(pool.submit(() -> {
				List<Future<Long>> own = new ArrayList<>();
				java.util.Random pause = new java.util.Random();
				while (System.nanoTime() < until) {
					long s = System.nanoTime();
					boolean answered;
					try {
						answered = request.call();
					}
					catch (Exception ex) {
						answered = false;
					}
					own.add(answered ? java.util.concurrent.CompletableFuture.completedFuture(System.nanoTime() - s)
							: java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("failed")));
					Thread.sleep(pause.nextInt(1_000));
				}
				return own;
			}));
		}
		List<Future<Long>> timings = new ArrayList<>();
		for (Future<List<Future<Long>>> user : users) {
			timings.addAll(user.get());
		}
		sending.set(false);
		sender.join();
		pool.shutdown();
		return new AsServed(timings, bodies.get());
	}

	// The usage dashboard as a signed-in user's browser asks for it. A page that is not the dashboard with
	// the bench contract's card (a redirect to sign in, an error) is false.
	private boolean dashboardPage(java.net.http.HttpClient browser, String session) throws Exception {
		java.net.http.HttpResponse<String> answer = browser.send(java.net.http.HttpRequest
			.newBuilder(URI.create(base + "/app/usage"))
			.header("Cookie", "PORTAL_SESSION=" + session)
			.header("Accept-Language", "en")
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		return answer.statusCode() == 200 && answer.body().contains("id=\"card-access-premium\"");
	}

	/**
	 * Signs in {@code count} viewers of the customer over HTTP, each its own account (a TOTP code is
	 * taken once), activated as an administrator's invitation would leave them; their session cookies.
	 */
	private List<String> signInViewers(CustomerSummary customer, int count) throws Exception {
		Registrations registrations = portal.getBean(Registrations.class);
		Accounts accounts = portal.getBean(Accounts.class);
		PasswordHashes hashes = portal.getBean(PasswordHashes.class);
		Terms terms = portal.getBean(Terms.class);
		ConsentConfirmations confirmations = portal.getBean(ConsentConfirmations.class);
		TransactionTemplate transactions = new TransactionTemplate(portal.getBean(PlatformTransactionManager.class));
		int port = Integer.parseInt(portal.getEnvironment().getProperty("local.server.port"));
		List<String> sessions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String password = "Bench-" + UUID.randomUUID();
			String secret = Totp.newSecret();
			String loginId = asSystem(() -> transactions.execute(status -> {
				Account account = registrations.issue(false, customer.id(), null, EnumSet.of(Role.CUSTOMER_VIEWER));
				account.changeContact("Bench Viewer", "viewer@bench.invalid", "+81 3 0000 0000", null);
				account.activate(hashes.encode(password), secret, Instant.now());
				accounts.insert(account);
				int version = terms.requireInForce(Terms.PERSONAL_INFORMATION).version();
				confirmations.confirm(customer.id(), account.id(), version, "usage-bench");
				terms.recordAcceptance(customer.id(), account.id(), Terms.PERSONAL_INFORMATION, version);
				return account.loginId();
			}));
			String session = PagesSetup.signIn(port, loginId, password, secret);
			if (session == null) {
				throw new IllegalStateException("Could not sign in " + loginId);
			}
			sessions.add(session);
		}
		return sessions;
	}

	/** With -Dbench.explain=true: the plans (ANALYZE, BUFFERS) of the statements the queries and the dashboard run. */
	private void explain(JdbcClient jdbc, CustomerSummary customer, List<Long> hundred, List<Long> one, Instant month,
			Instant end) {
		Instant day = end.minus(Duration.ofHours(24));
		String hoursByDay = "SELECT series_id, floor(date_part('epoch', day))::bigint, hours, sum, count FROM usage.hourly_days"
				+ " WHERE customer_id = ? AND series_id = ANY (?) AND day >= ? AND day < ?";
		Object[][] statements = {
				{ "100 series, 30 days, hourly mean (hours kept by day)", hoursByDay, hundred, month, end },
				{ "one series, all days, hourly mean (hours kept by day)", hoursByDay, one,
						end.minus(Duration.ofDays(days)), end },
				{ "dashboard sparklines, 24 h hourly mean (hours kept by day)", hoursByDay, hundred,
						day.truncatedTo(ChronoUnit.DAYS), end },
				{ "top by p95, daily sketches", "SELECT series_id, sketch FROM usage.daily WHERE customer_id = ?"
						+ " AND series_id = ANY (?) AND bucket >= ? AND bucket < ? AND sketch IS NOT NULL", hundred, month, end },
				{ "top by max, 7 days", "SELECT series_id, max(max) FROM usage.daily WHERE customer_id = ?"
						+ " AND series_id = ANY (?) AND bucket >= ? AND bucket < ? GROUP BY series_id", hundred,
						end.minus(Duration.ofDays(7)), end } };
		// The first statement alone, rows read and dropped: what the service call adds on top of it is the JVM's part.
		long[] bare = time(() -> asCustomer(customer, () -> {
			jdbc.sql((String) statements[0][1]).params(customer.id(), hundred.toArray(Long[]::new),
					java.sql.Timestamp.from(month), java.sql.Timestamp.from(end)).query(rs -> {
					});
			return null;
		}), reps);
		// And with its figures decoded, as the query does.
		long[] decoded = time(() -> asCustomer(customer, () -> {
			jdbc.sql((String) statements[0][1]).params(customer.id(), hundred.toArray(Long[]::new),
					java.sql.Timestamp.from(month), java.sql.Timestamp.from(end)).query(rs -> {
						HoursOfDay.hours(rs.getBytes(3));
						HoursOfDay.figures(rs.getBytes(4));
						HoursOfDay.counts(rs.getBytes(5));
					});
			return null;
		}), reps);
		System.out.printf("-- %s, the statement with its figures decoded: p50 %.1f ms, p95 %.1f ms (%d runs)%n",
				statements[0][0], percentile(decoded, 0.5), percentile(decoded, 0.95), decoded.length);
		// Where the statement's time goes: the same rows counted in the database (nothing sent), and sent without
		// their packed figures.
		String[][] parts = { { "counted in the database", "SELECT count(*) FROM (" + hoursByDay + ") r" },
				{ "sent without their figures", hoursByDay.replace(", hours, sum, count", "") } };
		for (String[] part : parts) {
			long[] t = time(() -> asCustomer(customer, () -> {
				jdbc.sql(part[1]).params(customer.id(), hundred.toArray(Long[]::new), java.sql.Timestamp.from(month),
						java.sql.Timestamp.from(end)).query(rs -> {
						});
				return null;
			}), reps);
			System.out.printf("-- %s, %s: p50 %.1f ms, p95 %.1f ms (%d runs)%n", statements[0][0], part[0],
					percentile(t, 0.5), percentile(t, 0.95), t.length);
		}
		System.out.printf("-- %s, the statement alone: p50 %.1f ms, p95 %.1f ms (%d runs)%n", statements[0][0],
				percentile(bare, 0.5), percentile(bare, 0.95), bare.length);
		for (Object[] statement : statements) {
			@SuppressWarnings("unchecked")
			List<Long> ids = (List<Long>) statement[2];
			List<String> plan = asCustomer(customer, () -> jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement[1])
				.params(customer.id(), ids.toArray(Long[]::new), java.sql.Timestamp.from((Instant) statement[3]),
						java.sql.Timestamp.from((Instant) statement[4]))
				.query(String.class)
				.list());
			System.out.println("-- " + statement[0]);
			plan.forEach(line -> System.out.println("   " + line));
		}
	}

	private long renderDay(OutputStream target, String contract, Instant day) throws Exception {
		boolean ndjson = "ndjson".equals(System.getProperty("bench.format"));
		long lines = 0;
		try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16)) {
			long from = day.getEpochSecond();
			for (int i = 0; i < instances; i++) {
				String prefix = contract + "-" + i;
				for (int slot = 0; slot < 288; slot++) {
					String time = Instant.ofEpochSecond(from + slot * 300L).toString();
					long in = 1_000_000 + (slot * 7919L + i) % 50_000_000;
					long outgoing = 2_000_000 + (slot * 104729L + i) % 30_000_000;
					if (ndjson) {
						out.write("{\"instance\":\"" + prefix + "\",\"metric\":\"traffic-in\",\"time\":\"" + time
								+ "\",\"value\":" + in + "}\n");
						out.write("{\"instance\":\"" + prefix + "\",\"metric\":\"traffic-out\",\"time\":\"" + time
								+ "\",\"value\":" + outgoing + "}\n");
					}
					else {
						out.write(prefix + ",traffic-in," + time + "," + in + "\n");
						out.write(prefix + ",traffic-out," + time + "," + outgoing + "\n");
					}
					lines += 2;
				}
			}
		}
		return lines;
	}

	private void postDay(String key, java.io.ByteArrayOutputStream body) throws Exception {
		boolean ndjson = "ndjson".equals(System.getProperty("bench.format"));
		HttpURLConnection http = (HttpURLConnection) URI.create(base + "/api/v1/system/usage").toURL().openConnection();
		http.setRequestMethod("POST");
		http.setDoOutput(true);
		http.setFixedLengthStreamingMode(body.size());
		http.setRequestProperty("Authorization", "Bearer " + key);
		http.setRequestProperty("Content-Type", ndjson ? "application/x-ndjson" : "text/csv");
		try (OutputStream out = http.getOutputStream()) {
			body.writeTo(out);
		}
		if (http.getResponseCode() != 200) {
			throw new IllegalStateException("Ingestion answered " + http.getResponseCode());
		}
		http.getInputStream().readAllBytes();
	}

	/**
	 * Binary COPY of as many samples, for series ids no real series uses, into the day
	 * partitions of usage.samples (same indexes): COPY refuses the parent, which is under
	 * row-level security even for its owner (FORCE); the partitions are not. This connection
	 * copies the days from {@code first} every {@code step} days.
	 */
	// The baseline's days from first (inclusive) to last (exclusive) at once, each on a connection of its own and
	// in a transaction of its own.
	private long rawCopies(ExecutorService threads, List<Connection> connections, UUID customer, Instant start,
			int first, int last) throws Exception {
		List<Future<Long>> copies = new ArrayList<>();
		for (int d = first; d < last; d++) {
			Instant day = start.plus(Duration.ofDays(d));
			Connection connection = connections.get(d - first);
			copies.add(threads.submit(() -> {
				long written = rawCopy(connection, customer, day);
				connection.commit();
				return written;
			}));
		}
		long copied = 0;
		for (Future<Long> copy : copies) {
			copied += copy.get();
		}
		return copied;
	}

	// One day of the baseline: as many series as the API's bodies carry (two metrics per instance, as renderDay
	// sends), 288 samples each.
	private long rawCopy(Connection connection, UUID customer, Instant day) throws Exception {
		long perDay = 288;
		long seriesCount = 2L * instances;
		long written = 0;
		String partition = "usage.samples_" + LocalDate.ofInstant(day, ZoneOffset.UTC).toString().replace("-", "");
		try (OutputStream target = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
				"COPY " + partition + " (customer_id, series_id, at, value) FROM STDIN (FORMAT binary)", 1 << 16);
				BinaryCopy out = new BinaryCopy(target)) {
			for (long s = 0; s < seriesCount; s++) {
				for (long k = 0; k < perDay; k++) {
					out.row(4).uuid(customer).int8(-1 - s)
						.timestampMicros((day.getEpochSecond() + k * 300) * 1_000_000L).float8(k);
					written++;
				}
			}
		}
		return written;
	}

	private static void printTimings(String name, List<Future<Long>> timings) throws InterruptedException {
		List<Long> answered = new ArrayList<>();
		int failed = 0;
		for (Future<Long> timing : timings) {
			try {
				answered.add(timing.get());
			}
			catch (java.util.concurrent.ExecutionException ex) {
				failed++;
			}
		}
		long[] nanos = answered.stream().mapToLong(Long::longValue).toArray();
		System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms over %d calls, %d failed (goal p95 <= 150 ms)%n", name,
				nanos.length == 0 ? Double.NaN : percentile(nanos, 0.5), nanos.length == 0 ? Double.NaN : percentile(nanos, 0.95),
				nanos.length == 0 ? Double.NaN : percentile(nanos, 0.99), nanos.length, failed);
	}

	private void report(String name, Supplier<Object> rollup, Supplier<Object> raw) {
		long[] a = time(rollup, reps);
		long[] b = time(raw, rawReps);
		System.out.printf("%s: rollups p50 %.1f ms, p95 %.1f ms (%d runs; %.2f MB allocated a call) | raw table p50 %.1f ms,"
				+ " p95 %.1f ms (%d runs)%n", name, percentile(a, 0.5), percentile(a, 0.95), a.length,
				allocated(rollup) / 1e6, percentile(b, 0.5), percentile(b, 0.95), b.length);
	}

	// Bytes the calling thread allocates for one call: what the young collections, whose pauses reach
	// the calls' tail, have to clear after it.
	private static long allocated(Supplier<Object> work) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
			.getThreadMXBean();
		long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
		work.get();
		return threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
	}

	private long[] time(Supplier<Object> work, int runs) {
		for (int i = 0; i < Math.min(5, runs); i++) {
			work.get();
		}
		long[] timings = new long[runs];
		for (int i = 0; i < runs; i++) {
			long s = System.nanoTime();
			work.get();
			timings[i] = System.nanoTime() - s;
		}
		return timings;
	}

	private static double percentile(long[] nanos, double q) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
	}

	private <T> T asSystem(Supplier<T> work) {
		return tenancy.call(Actor.job("usage-bench"), TenantScope.system(), work);
	}

	private <T> T asCustomer(CustomerSummary customer, Supplier<T> work) {
		return tenancy.call(Actor.user("CP-BENCH"), TenantScope.customer(customer.id()), work);
	}

	private void put(String path, String key, String body) throws Exception {
		HttpURLConnection http = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
		http.setRequestMethod("PUT");
		http.setDoOutput(true);
		http.setRequestProperty("Authorization", "Bearer " + key);
		http.setRequestProperty("Content-Type", "application/json");
		try (OutputStream out = http.getOutputStream()) {
			out.write(body.getBytes(StandardCharsets.UTF_8));
		}
		if (http.getResponseCode() >= 300) {
			throw new IllegalStateException(path + " answered " + http.getResponseCode());
		}
		http.getInputStream().readAllBytes();
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
				.findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
		}
		catch (Exception ex) {
			return "unknown CPU";
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (Exception ex) {
			return "unknown";
		}
	}
}
