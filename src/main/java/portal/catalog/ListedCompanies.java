package portal.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** The contracting companies the catalog lists, retired ones included; there is no way to delete one. */
interface ListedCompanies extends Repository<ListedCompany, String> {

	ListedCompany save(ListedCompany entry);

	Optional<ListedCompany> findById(String id);

	List<ListedCompany> findAllByOrderByPosition();
}
