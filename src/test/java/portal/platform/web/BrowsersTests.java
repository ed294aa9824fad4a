package portal.platform.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class BrowsersTests {

	private static final List<Path> MISSING = List.of(Path.of("/nonexistent/chromium"));

	@Test
	@DisplayName("without Chromium a workstation skips the browser tests and says why")
	void skipsOnAWorkstation() {
		assertThatThrownBy(() -> Browsers.require(false, MISSING)).isInstanceOf(TestAbortedException.class)
			.hasMessageContaining("/nonexistent/chromium");
	}

	@Test
	@DisplayName("without Chromium a CI build fails rather than passing untested")
	void failsOnCi() {
		assertThatThrownBy(() -> Browsers.require(true, MISSING)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("/nonexistent/chromium")
			.hasMessageContaining("CI=true");
	}

	@Test
	@DisplayName("with the executables present nothing is skipped")
	void passesWhenPresent() {
		assertThatCode(() -> Browsers.require(true, List.of(Path.of("/bin/sh")))).doesNotThrowAnyException();
	}
}
