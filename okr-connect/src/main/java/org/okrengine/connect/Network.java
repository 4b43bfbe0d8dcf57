package org.okrengine.connect;

import java.nio.file.Path;

/**
 * How HTTP sources reach their server. TLS certificates are always verified: a trust store adds the authorities to
 * trust (a company's own), it never turns verification off. Immutable and thread-safe.
 *
 * @param proxyHost an HTTP proxy's host, or null for a direct connection
 * @param proxyPort the proxy's port (1..65535), or 0 without a proxy
 * @param trustStore a trust store file (PKCS12 or JKS), or null for the JDK's default authorities
 * @param trustStoreType {@code PKCS12} or {@code JKS}; null without a trust store
 * @param trustStorePasswordEnv the name of the environment variable holding the trust store's password, or null
 */
public record Network(String proxyHost, int proxyPort, Path trustStore, String trustStoreType,
    String trustStorePasswordEnv) {
  /** A direct connection with the JDK's default trust. */
  public static final Network DIRECT = new Network(null, 0, null, null, null);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the proxy port is out of range with a host, or set without one
   */
  public Network {
    if (proxyHost == null ? proxyPort != 0 : !(proxyPort >= 1 && proxyPort <= 65535)) {
      throw new IllegalArgumentException("proxyPort must be within 1..65535 with a proxy host, 0 without: "
          + proxyPort);
    }
  }
}
