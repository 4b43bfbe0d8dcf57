/** The okr-execution API. */
package org.okrengine.execution;
