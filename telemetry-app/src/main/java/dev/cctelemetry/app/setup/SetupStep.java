package dev.cctelemetry.app.setup;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * One action of {@code setup} (or {@code uninstall}) once the answers are known: write the config, install the
 * jar, the hooks, the status line, the MCP server, the service. Each prints what it did, in one or two lines, and
 * says in one line of the wizard's closing summary what is now set.
 */
public interface SetupStep {

    /** What the step does, e.g. "Install hooks". */
    String title();

    /** What the closing summary calls the thing this step sets, e.g. "Status line". */
    String subject();

    /** Whether the answers ask for this step. */
    boolean wanted(SetupAnswers answers);

    /** The summary's line when the answers did not ask for this step: what is not set and how to set it later. */
    String declined();

    /**
     * Carries the step out.
     *
     * @return how it ended, with the summary's line
     * @throws Exception when it failed; setup stops and reports it
     */
    Outcome apply(SetupAnswers answers, PrintWriter out) throws Exception;

    /**
     * How a step ended.
     *
     * @param done whether it was carried out; false when it could not be done here (e.g. not running from the jar)
     *     and the step said what to do instead
     * @param summary what is now set, for the closing summary, e.g. "cc-telemetry's, after yours"
     */
    record Outcome(boolean done, String summary) {
        public Outcome {
            Objects.requireNonNull(summary, "summary is null");
        }

        /** Carried out. */
        public static Outcome done(String summary) {
            return new Outcome(true, summary);
        }

        /** Not possible here; {@code summary} says what to do instead. */
        public static Outcome unavailable(String summary) {
            return new Outcome(false, summary);
        }
    }
}
