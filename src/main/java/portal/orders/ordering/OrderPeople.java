package portal.orders.ordering;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import portal.identity.UserAdministration;
import portal.identity.UserView;

/** The people an order concerns, as the identity module knows them: accounts to notify. */
@Component
class OrderPeople {

	private final UserAdministration users;

	OrderPeople(UserAdministration users) {
		this.users = users;
	}

	Optional<UUID> account(UUID customer, String loginId) {
		return users.users(customer, "").stream().filter(u -> u.loginId().equals(loginId)).map(UserView::id)
			.findFirst();
	}

	/** The customer's administrators other than the submitter: those who may approve. */
	List<UUID> approvers(UUID customer, String submitter) {
		return users.users(customer, "").stream()
			.filter(u -> u.roles().contains("administrator") && !u.loginId().equals(submitter)
					&& "active".equals(u.state()))
			.map(UserView::id).toList();
	}
}
