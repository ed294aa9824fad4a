package portal.orders.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import portal.notices.events.NoticeRequested;
import portal.orders.events.OrderStateChanged;

/**
 * Tells the submitter and the approvers of an order of each state it reaches, in the
 * portal and by email, through the notices module. Runs in the transaction that moved the
 * order, so a move that rolls back notifies nobody. The Japanese text names the state as the
 * pages do, not by its TMF641 code.
 */
@Component
class OrderNotices {

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	OrderNotices(ApplicationEventPublisher events, MessageSource messages) {
		this.events = events;
		this.messages = messages;
	}

	@EventListener
	void on(OrderStateChanged change) {
		List<UUID> accounts = new ArrayList<>();
		if (change.submitterAccount() != null) {
			accounts.add(change.submitterAccount());
		}
		change.approverAccounts().stream().filter(a -> !accounts.contains(a)).forEach(accounts::add);
		if (accounts.isEmpty()) {
			return;
		}
		events.publishEvent(notice(change, accounts,
				messages.getMessage("orders.state." + change.to(), null, change.to(), Locale.JAPANESE)));
	}

	static NoticeRequested notice(OrderStateChanged change, List<UUID> accounts, String stateJa) {
		String shortId = change.orderId().toString().substring(0, 8);
		String note = change.note().isEmpty() ? "" : "\n\nNote: " + change.note();
		String noteJa = change.note().isEmpty() ? "" : "\n\n備考: " + change.note();
		return new NoticeRequested("order:" + change.orderId() + ":" + change.step(),
				NoticeRequested.Kind.ORDER, NoticeRequested.Audience.accounts(change.customerId(), accounts),
				"Order " + shortId + " is " + change.to(),
				"Your order " + change.orderId() + " on " + change.relevantService() + " is now " + change.to()
						+ " (by " + change.actor() + ")." + note + "\n\nSee /app/orders/" + change.orderId(),
				"注文 " + shortId + " の状態: " + stateJa,
				"注文 " + change.orderId() + "（" + change.relevantService() + "）の状態が「" + stateJa
						+ "」になりました（" + change.actor() + "）。" + noteJa + "\n\n/app/orders/" + change.orderId(),
				null, null, null, Set.of(change.relevantService()));
	}
}
