package portal.notices;

import java.util.List;
import java.util.Optional;

import portal.notices.events.NoticeRequested.Audience;

/**
 * The people an audience stands for, one by one. The module that keeps the people
 * implements it, so that notices reach them without depending on that module. Called with
 * the system scope; it lists only accounts that may sign in. Mails go to the audience's
 * {@link #recipients}; inboxes show each {@link #reader} the notices whose audience
 * includes them when they look.
 */
public interface NoticeAudiences {

	List<NoticeRecipient> recipients(Audience audience);

	/**
	 * The person behind a login ID as audiences see them now, or empty when the account may
	 * not sign in; the inbox resolves audiences with it when it is read.
	 */
	Optional<NoticeReader> reader(String loginId);
}
