package org.serviceflow.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code serviceflow.identity.*}.
 *
 * @param demoUsers create the demo staff users (password "demo"); true only in the demo and test profiles
 */
@ConfigurationProperties("serviceflow.identity")
public record IdentityProperties(boolean demoUsers) {
}
