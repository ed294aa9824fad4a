/**
 * Reading and validating service kind descriptor files; internal to the catalog, which
 * offers the result through {@link portal.catalog.ServiceKindDescriptors}.
 */
package portal.catalog.descriptor;
