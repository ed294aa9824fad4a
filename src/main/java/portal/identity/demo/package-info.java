/**
 * Demo accounts for every role, activated and written to the demo accounts file.
 */
package portal.identity.demo;
