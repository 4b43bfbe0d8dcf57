/** The okr-forecast API. */
package org.okrengine.forecast;
