package dev.cctelemetry.cli;

import dev.cctelemetry.app.doctor.DoctorChecks;
import dev.cctelemetry.app.doctor.DoctorReport;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cc-telemetry doctor}: one line per check, with the fix for each problem; exit 3 when something is ✗. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check that usage really flows: runtime, config, hooks, ledger, store, logs, lag."
                + " Exit 0 when nothing is broken (✗), 3 otherwise.")
public final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    private final DoctorChecks doctor;

    /** A doctor command. */
    @Inject
    public DoctorCommand(DoctorChecks doctor) {
        this.doctor = doctor;
    }

    @Override
    public Integer call() {
        DoctorReport report = doctor.examine();
        spec.commandLine().getOut().print(json ? report.renderJson() + System.lineSeparator() : report.renderText());
        spec.commandLine().getOut().flush();
        return report.exitCode();
    }
}
