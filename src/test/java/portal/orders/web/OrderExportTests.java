package portal.orders.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderExportTests {

	@Test
	@DisplayName("R-7.7 a CSV cell starting with = + - @ a tab or a carriage return is kept as text with a leading quote; others are unchanged")
	void formulaCellsAreQuoted() {
		for (String formula : new String[] { "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx" }) {
			assertThat(OrdersPage.cell(formula)).isEqualTo("'" + formula);
		}
		assertThat(OrdersPage.cell("More bandwidth = faster")).isEqualTo("More bandwidth = faster");
		assertThat(OrdersPage.cell("CP01000158")).isEqualTo("CP01000158");
		assertThat(OrdersPage.cell("")).isEmpty();
	}
}
