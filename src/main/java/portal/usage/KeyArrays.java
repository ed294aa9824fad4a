package portal.usage;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Runs a statement whose first parameters are columns of keys sent as arrays (a {@code UUID[]}
 * as {@code uuid[]}, a {@code Long[]} as {@code bigint[]}), one statement for any number of
 * keys; the arrays are freed afterwards.
 */
final class KeyArrays {

	interface Work {

		void run(PreparedStatement statement) throws SQLException;

	}

	/** Spans of series' times, bound as four arrays in this order: customers, series, lows, highs (epoch seconds). */
	static final class Spans {

		private final UUID[] customers;

		private final Long[] series;

		private final Long[] lows;

		private final Long[] highs;

		private int size;

		Spans(int count) {
			customers = new UUID[count];
			series = new Long[count];
			lows = new Long[count];
			highs = new Long[count];
		}

		void add(UUID customer, long seriesId, long low, long high) {
			customers[size] = customer;
			series[size] = seriesId;
			lows[size] = low;
			highs[size++] = high;
		}

		void run(Connection connection, String sql, Work work) throws SQLException {
			KeyArrays.run(connection, sql, work, customers, series, lows, highs);
		}
	}

	private KeyArrays() {
	}

	static void run(Connection connection, String sql, Work work, Object[]... columns) throws SQLException {
		Array[] arrays = new Array[columns.length];
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < columns.length; i++) {
				arrays[i] = connection.createArrayOf(columns[i] instanceof UUID[] ? "uuid" : "int8", columns[i]);
				statement.setArray(i + 1, arrays[i]);
			}
			work.run(statement);
		}
		finally {
			for (Array array : arrays) {
				if (array != null) {
					array.free();
				}
			}
		}
	}
}
