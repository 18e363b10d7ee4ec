/** Helpers shared by the core packages; not API, may change without notice. */
package org.shifrovka.internal;
