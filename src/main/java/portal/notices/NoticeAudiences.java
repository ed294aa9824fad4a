package portal.notices;

import java.util.List;

import portal.notices.events.NoticeRequested.Audience;

/**
 * The people an audience stands for, one by one. The module that keeps the people
 * implements it, so that notices reach them without depending on that module. Called with
 * the system scope; it lists only accounts that may sign in.
 */
public interface NoticeAudiences {

	List<NoticeRecipient> recipients(Audience audience);
}
