package dev.cctelemetry.cli;

import dev.cctelemetry.app.ExitCode;
import dev.cctelemetry.app.service.ServiceSupport;
import dev.cctelemetry.core.port.out.ServicePlan;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code install-service}, {@code uninstall-service} and {@code service-status} share: {@code --dry-run}
 * (print what would be done), this OS's service plan, and printing its commands as a person would type them.
 */
abstract class ServiceCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "Print what would be written, run or removed; change nothing.")
    boolean dryRun;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    /** This OS's service support. */
    final ServiceSupport support;

    ServiceCommand(ServiceSupport support) {
        this.support = support;
    }

    @Override
    public final Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServicePlan plan = support.plan();
        if (dryRun) {
            dryRun(plan, out);
        } else {
            apply(plan, out, spec.commandLine().getErr());
        }
        return ExitCode.OK;
    }

    /** Prints what {@link #apply} would do. */
    abstract void dryRun(ServicePlan plan, PrintWriter out);

    /** Does the command's work. */
    abstract void apply(ServicePlan plan, PrintWriter out, PrintWriter err) throws Exception;

    /** Prints each command indented, as typed in a shell. */
    static void commands(List<List<String>> commands, PrintWriter out) {
        commands.forEach(c -> out.println("  " + ServiceSupport.shell(c)));
    }
}
