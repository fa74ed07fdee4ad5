package dev.cctelemetry.cli.setup;

import java.io.PrintWriter;
import java.util.function.Predicate;

/**
 * A step this build cannot carry out (its feature is not in this build): says so, never fakes success. Bind the
 * real implementation in its place when the feature lands.
 */
public final class UnavailableStep implements SetupStep {

    private final String title;
    private final String later;
    private final Predicate<SetupAnswers> wanted;

    /**
     * @param title what the step would do
     * @param later what the user can run instead once available
     * @param wanted whether the answers ask for it
     */
    public UnavailableStep(String title, String later, Predicate<SetupAnswers> wanted) {
        this.title = title;
        this.later = later;
        this.wanted = wanted;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public boolean wanted(SetupAnswers answers) {
        return wanted.test(answers);
    }

    @Override
    public Outcome apply(SetupAnswers answers, PrintWriter out) {
        out.println("  " + title + ": not available in this build (later: " + later + ")");
        return Outcome.UNAVAILABLE;
    }
}
