/**
 * HTTPS for development: the certificate and key a server presents, either read from PEM files the
 * user names, generated once and written next to them, or made fresh in memory ("adhoc").
 *
 * <p>{@link io.runserverplus.core.tls.TlsSettings} applies runserver_plus's path rules,
 * {@link io.runserverplus.core.tls.DevelopmentCertificates#resolve} turns them into a
 * {@link io.runserverplus.core.tls.TlsMaterial}, which hands adapters a {@code KeyStore} or an
 * {@code SSLContext}. Every problem with the user's files is one sentence (a
 * {@link io.runserverplus.core.settings.SettingsException}), never a stack trace.
 */
package io.runserverplus.core.tls;
