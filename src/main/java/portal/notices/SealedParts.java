package portal.notices;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import portal.platform.SealedSecrets;

/**
 * The secret parts of queued mails (the token of a single-use link), sealed with AES-GCM
 * while the mail waits in the outbox and opened only when it is sent, so that a reader of
 * the outbox table holds no link that works. Each part is bound to its mail's id: copied
 * into another mail, it does not open.
 */
@Component
class SealedParts {

	/** A part the sender marked as secret ({@link Email#secret(String)}), not yet sealed. */
	static final Pattern SECRET = Pattern.compile("\\[\\[secret:([^\\]]*)\\]\\]");

	private static final Pattern SEALED = Pattern.compile("\\[\\[sealed:([^\\]]*)\\]\\]");

	static final String HIDDEN = "[hidden]";

	private final SealedSecrets secrets;

	SealedParts(SealedSecrets secrets) {
		this.secrets = secrets;
	}

	/** The text as it is stored: every secret part sealed for this mail. */
	String seal(String text, UUID mailId) {
		Matcher matcher = SECRET.matcher(text);
		StringBuilder sealed = new StringBuilder();
		while (matcher.find()) {
			String value = "[[sealed:" + secrets.seal(matcher.group(1), context(mailId)) + "]]";
			matcher.appendReplacement(sealed, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(sealed);
		return sealed.toString();
	}

	/** The text as it is sent: every sealed part opened. */
	String open(String text, UUID mailId) {
		Matcher matcher = SEALED.matcher(text);
		StringBuilder opened = new StringBuilder();
		while (matcher.find()) {
			String value = secrets.open(matcher.group(1), context(mailId)).secret();
			matcher.appendReplacement(opened, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(opened);
		return opened.toString();
	}

	/** The text with its sealed parts left out, for what is kept once sent and for readers of the outbox. */
	static String hidden(String text) {
		return SEALED.matcher(SECRET.matcher(text).replaceAll(HIDDEN)).replaceAll(HIDDEN);
	}

	private static String context(UUID mailId) {
		return "notices.outbox:" + mailId;
	}
}
