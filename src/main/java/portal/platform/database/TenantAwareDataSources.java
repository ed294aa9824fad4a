package portal.platform.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import portal.platform.Tenancy;

/**
 * Wraps the application's data source (embedded or external) so that every connection
 * carries the tenant scope. The migration data source is left alone: the owner role runs
 * migrations and is not subject to tenancy.
 */
@Configuration(proxyBeanMethods = false)
class TenantAwareDataSources {

	@Bean
	static BeanPostProcessor tenantAwareDataSourcePostProcessor(ObjectProvider<Tenancy> tenancy) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
					return new TenantAwareDataSource(dataSource, tenancy.getObject());
				}
				return bean;
			}
		};
	}
}
