package portal.catalog;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Runs a test's amendments as staff in one transaction that is rolled back at the end, so
 * that tests sharing the database all see the catalog as loaded. Requests made with MockMvc
 * run on the test's thread and so join that transaction.
 */
record Rollback(Tenancy tenancy, PlatformTransactionManager transactions) {

	interface Work {

		void run() throws Exception;
	}

	void asStaff(String loginId, Work work) {
		tenancy.run(Actor.staff(loginId), TenantScope.allCustomers(), () -> new TransactionTemplate(transactions)
			.executeWithoutResult(status -> {
				status.setRollbackOnly();
				try {
					work.run();
				}
				catch (RuntimeException | Error failure) {
					throw failure;
				}
				catch (Exception failure) {
					throw new IllegalStateException(failure);
				}
			}));
	}
}
