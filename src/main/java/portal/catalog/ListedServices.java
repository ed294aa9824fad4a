package portal.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** The relevant services the catalog lists, retired ones included; there is no way to delete one. */
interface ListedServices extends Repository<ListedService, String> {

	ListedService save(ListedService entry);

	Optional<ListedService> findById(String id);

	List<ListedService> findAllByOrderByPosition();
}
