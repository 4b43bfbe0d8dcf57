/**
 * Helpers shared by the engine's modules, exported only to them (a qualified export); not part of the API.
 */
package org.okrengine.model.internal;
