package dev.cctelemetry.app.doctor;

/** One line of {@code doctor}: looks at one part of the installation and says whether it works. */
public interface DoctorCheck {

    /** The check's name, shown in the first column. */
    String name();

    /**
     * Runs the check. Problems are returned as results, not thrown; an unexpected exception is turned into a
     * failure by {@link Doctor}.
     */
    CheckResult run() throws Exception;
}
