package dev.cctelemetry.app.otlp;

import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.Data;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Objects;

/**
 * One monotonic sum, as the SDK's exporters take it. The SDK's own implementation lives in an internal package;
 * this one is built from the public interface, because the points are made from the ledger, not by instruments.
 */
final class SumMetric implements MetricData {

    private final Resource resource;
    private final InstrumentationScopeInfo scope;
    private final String name;
    private final String description;
    private final String unit;
    private final MetricDataType type;
    private final Data<?> data;

    SumMetric(Resource resource, InstrumentationScopeInfo scope, String name, String description, String unit,
            MetricDataType type, Data<?> data) {
        this.resource = Objects.requireNonNull(resource, "resource is null");
        this.scope = Objects.requireNonNull(scope, "scope is null");
        this.name = Objects.requireNonNull(name, "name is null");
        this.description = Objects.requireNonNull(description, "description is null");
        this.unit = Objects.requireNonNull(unit, "unit is null");
        if (type != MetricDataType.LONG_SUM && type != MetricDataType.DOUBLE_SUM) {
            throw new IllegalArgumentException("not a sum: " + type);
        }
        this.type = type;
        this.data = Objects.requireNonNull(data, "data is null");
    }

    @Override
    public Resource getResource() {
        return resource;
    }

    @Override
    public InstrumentationScopeInfo getInstrumentationScopeInfo() {
        return scope;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public String getUnit() {
        return unit;
    }

    @Override
    public MetricDataType getType() {
        return type;
    }

    @Override
    public Data<?> getData() {
        return data;
    }
}
