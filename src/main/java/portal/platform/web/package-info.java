/**
 * The web shell: page layout, navigation, language choice, the public Portal Page and the
 * home pages of the customer portal and the operator console. Holds no business rules.
 */
@org.springframework.modulith.NamedInterface("web")
package portal.platform.web;
