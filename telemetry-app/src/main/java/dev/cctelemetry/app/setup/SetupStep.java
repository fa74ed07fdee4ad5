package dev.cctelemetry.app.setup;

import java.io.PrintWriter;

/**
 * One action of {@code setup} (or {@code uninstall}) once the answers are known: write the config, install the
 * jar, the hooks, the service. Each prints what it did, in one or two lines.
 */
public interface SetupStep {

    /** What the step does, e.g. "Install hooks". */
    String title();

    /** Whether the answers ask for this step. */
    boolean wanted(SetupAnswers answers);

    /**
     * Carries the step out.
     *
     * @return how it ended
     * @throws Exception when it failed; setup stops and reports it
     */
    Outcome apply(SetupAnswers answers, PrintWriter out) throws Exception;

    /** How a step ended. */
    enum Outcome {
        /** Done. */
        DONE,
        /** It could not be done here (e.g. not running from the jar); the step said what to do instead. */
        UNAVAILABLE
    }
}
