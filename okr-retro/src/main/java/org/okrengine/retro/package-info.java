/** The okr-retro API. */
package org.okrengine.retro;
