package portal.terms;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Markdown to HTML for documents: rendered by commonmark, then passed through an allow-list
 * sanitizer, so that scripts, event handlers and {@code javascript:} links come out inert
 * whatever a publisher typed.
 */
@Component
public class SafeMarkdown {

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES)
		.and(new HtmlPolicyBuilder().allowElements("hr", "pre", "code", "br").toFactory());

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	public String html(String markdown) {
		if (markdown == null) {
			return "";
		}
		return POLICY.sanitize(renderer.render(parser.parse(markdown)));
	}
}
