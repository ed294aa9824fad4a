/**
 * Notices to people: notices with their audience and publication
 * time, each person's inbox and read state, the email outbox and its delivery over SMTP,
 * and the maintenance calendar.
 * <p>
 * To notify people, another module publishes {@link portal.notices.events.NoticeRequested}
 * inside its transaction (through an aggregate's registered events or the
 * {@code ApplicationEventPublisher}); after the commit this module creates the notice once
 * per key, shows it from its publication time in the inbox of everyone its audience includes
 * when they look, and mails the audience as it stands at the publication time, each person in
 * their language. The people behind an audience come from the module that keeps them, through
 * {@link portal.notices.NoticeAudiences}. A mail's secret parts ({@link portal.notices.Email#secret})
 * stay sealed in the outbox until it is sent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices",
		allowedDependencies = { "platform", "platform :: *", "audit", "catalog", "customers", "retention" })
package portal.notices;
