/** The okr-deps API. */
package org.okrengine.deps;
