package dev.cctelemetry.app.otlp;

import com.google.inject.AbstractModule;

/**
 * The OTLP export feature: the ledger's usage as Claude Code's OpenTelemetry metrics.
 *
 * <p>Public bindings: {@link OtlpExports}.
 */
public final class OtlpModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(OtlpExports.class);
    }
}
