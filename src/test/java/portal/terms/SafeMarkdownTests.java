package portal.terms;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeMarkdownTests {

	private final SafeMarkdown markdown = new SafeMarkdown();

	@Test
	@DisplayName("R-2.1 Markdown with scripts, event handlers and javascript: links renders inert")
	void rendersHostileMarkdownInert() {
		String html = markdown.html("""
				# Title

				<script>alert(1)</script>

				<img src=x onerror="alert(2)">

				[click](javascript:alert(3)) and <a href="javascript:alert(4)" onclick="alert(5)">raw</a>
				""");
		// What remains of the hostile parts is text (escaped), never a tag, an attribute or a link target.
		assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
			.doesNotContainIgnoringCase("onerror=").doesNotContainIgnoringCase("onclick=")
			.doesNotContainIgnoringCase("href=\"javascript");
		assertThat(html).contains("&lt;script&gt;");
		assertThat(html).contains("<h1>Title</h1>");
	}

	@Test
	@DisplayName("R-2.1 ordinary Markdown keeps its headings, lists, emphasis and web links")
	void keepsOrdinaryMarkdown() {
		String html = markdown.html("## Part\n\n- one\n- **two**\n\n[site](https://example.com)");
		assertThat(html).contains("<h2>Part</h2>", "<li>one</li>", "<strong>two</strong>", "href=\"https://example.com\"");
	}
}
