package dev.cctelemetry.mcp.tool;

/** A tool argument that is missing, of the wrong type or out of range; the message says which and why. */
public final class ToolInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An input error with a one-line message for the model. */
    public ToolInputException(String message) {
        super(message);
    }
}
