package portal.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Abuse limits that every node shares: token buckets kept in PostgreSQL, one per budget and
 * key, such as {@code sign-in-address} and a client address, or {@code apply} and an address
 * for application submissions. Modules ask for a budget once and spend from it per request:
 *
 * <pre>{@code
 * Budget applications = rateLimits.budget("apply", 5, Duration.ofHours(1));
 * if (!applications.tryConsume(address)) { ... 429 ... }
 * }</pre>
 *
 * A check is one call of the database function {@code platform.spend}, in one round trip and
 * one implicit transaction, for one budget or several at once ({@link #tryConsume(Budget,
 * String, Budget, String)}). Buckets live in the database, not in a bounded map, so a flood of
 * distinct keys creates rows and evicts nobody's budget; rows of full buckets are removed by a
 * job. A key refused once is refused locally until its bucket would refill, so a flood on one
 * key costs no database work.
 */
public final class RateLimits {

	/** Keys remembered per node; losing one only means asking the database again. */
	private static final int MAX_REMEMBERED_KEYS = 100_000;

	private static final String SPEND = "SELECT id, consumed, seconds_to_wait FROM platform.spend(?, ?, ?, ?, ?)";

	private final DataSource dataSource;

	private final LongSupplier nanoTime;

	RateLimits(DataSource dataSource, LongSupplier nanoTime) {
		this.dataSource = dataSource;
		this.nanoTime = nanoTime;
	}

	/** A budget of {@code capacity} uses per {@code period} for each key, refilled gradually. */
	public Budget budget(String name, long capacity, Duration period) {
		return new Budget(name, capacity, period, false);
	}

	/**
	 * The same for high-volume budgets (every API request): each node spends locally and
	 * settles with the database every few requests or each second, so the limit may be
	 * exceeded by a few uses per node in exchange for no database round trip per request.
	 */
	public Budget approximateBudget(String name, long capacity, Duration period) {
		return new Budget(name, capacity, period, true);
	}

	/**
	 * Spends one use from each of two exact budgets in a single database call; true only when
	 * both had one left. Each budget is spent or refused on its own, as two calls would.
	 */
	public boolean tryConsume(Budget first, String firstKey, Budget second, String secondKey) {
		String firstId = first.id(firstKey);
		String secondId = second.id(secondKey);
		boolean firstRefused = first.refusedLocally(firstId);
		boolean secondRefused = second.refusedLocally(secondId);
		if (firstRefused || secondRefused) {
			// The refused one costs nothing; the other is still spent, as separate calls would.
			if (!firstRefused) {
				first.tryConsume(firstKey);
			}
			if (!secondRefused) {
				second.tryConsume(secondKey);
			}
			return false;
		}
		Map<String, Spent> spent = spend(List.of(new Request(firstId, first, 1), new Request(secondId, second, 1)), false);
		return first.remember(firstId, spent.get(firstId)) & second.remember(secondId, spent.get(secondId));
	}

	/** One budget: the same limit for every key. */
	public final class Budget {

		private final String name;

		private final double capacity;

		private final double perSecond;

		private final boolean approximate;

		private final long settleEvery;

		private final ConcurrentMap<String, Long> refusedUntil = new ConcurrentHashMap<>();

		private final ConcurrentMap<String, Unsettled> unsettled = new ConcurrentHashMap<>();

		private Budget(String name, long capacity, Duration period, boolean approximate) {
			this.name = name;
			this.capacity = capacity;
			this.perSecond = capacity / (period.toNanos() / 1e9);
			this.approximate = approximate;
			this.settleEvery = Math.max(1, capacity / 20);
		}

		/** Spends one use of the key's budget; false when the budget is spent. */
		public boolean tryConsume(String key) {
			String id = id(key);
			if (refusedLocally(id)) {
				return false;
			}
			if (approximate) {
				return spendLocally(id);
			}
			return remember(id, spend(List.of(new Request(id, this, 1)), false).get(id));
		}

		private boolean spendLocally(String id) {
			if (unsettled.size() > MAX_REMEMBERED_KEYS) {
				// Only the few uses not yet settled are lost; the budgets themselves are in the database.
				unsettled.clear();
			}
			Unsettled uses = unsettled.computeIfAbsent(id, k -> new Unsettled(nanoTime.getAsLong()));
			long due;
			synchronized (uses) {
				uses.count++;
				if (uses.count < settleEvery && nanoTime.getAsLong() - uses.since < 1_000_000_000L) {
					return true;
				}
				due = uses.count;
				uses.count = 0;
				uses.since = nanoTime.getAsLong();
			}
			return remember(id, spend(List.of(new Request(id, this, due)), true).get(id));
		}

		boolean refusedLocally(String id) {
			Long until = refusedUntil.get(id);
			if (until == null) {
				return false;
			}
			if (nanoTime.getAsLong() - until < 0) {
				return true;
			}
			refusedUntil.remove(id, until);
			return false;
		}

		boolean remember(String id, Spent spent) {
			if (!spent.consumed()) {
				if (refusedUntil.size() > MAX_REMEMBERED_KEYS) {
					refusedUntil.clear();
				}
				refusedUntil.put(id, nanoTime.getAsLong() + (long) (spent.secondsToWait() * 1e9));
			}
			return spent.consumed();
		}

		String id(String key) {
			String value = key == null ? "" : key;
			// Keys that may be secrets (API tokens) or long are kept only as digests.
			return value.length() <= 64 && !value.startsWith("token:") ? name + ":" + value
					: name + ":#" + digest(value);
		}
	}

	private static final class Unsettled {

		long count;

		long since;

		Unsettled(long since) {
			this.since = since;
		}
	}

	private record Request(String id, Budget budget, long uses) {
	}

	private record Spent(boolean consumed, double secondsToWait) {
	}

	private Map<String, Spent> spend(List<Request> requests, boolean settle) {
		int n = requests.size();
		Object[] ids = new Object[n];
		Object[] capacities = new Object[n];
		Object[] rates = new Object[n];
		Object[] uses = new Object[n];
		for (int i = 0; i < n; i++) {
			Request request = requests.get(i);
			ids[i] = request.id();
			capacities[i] = request.budget().capacity;
			rates[i] = request.budget().perSecond;
			uses[i] = (double) request.uses();
		}
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(SPEND)) {
			Array idArray = connection.createArrayOf("text", ids);
			statement.setArray(1, idArray);
			statement.setArray(2, connection.createArrayOf("float8", capacities));
			statement.setArray(3, connection.createArrayOf("float8", rates));
			statement.setArray(4, connection.createArrayOf("float8", uses));
			statement.setBoolean(5, settle);
			Map<String, Spent> spent = new HashMap<>(4);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					spent.put(rows.getString(1), new Spent(rows.getBoolean(2), rows.getDouble(3)));
				}
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
			return spent;
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Rate-limit budgets are not reachable", ex);
		}
	}

	private static String digest(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
