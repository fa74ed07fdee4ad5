/**
 * The {@code setup} wizard: {@link dev.cctelemetry.cli.setup.Prompter} asks (again after a wrong answer, secrets
 * without echo), {@link dev.cctelemetry.app.setup.SetupAnswers} holds the answers, and each install action is a
 * {@link dev.cctelemetry.app.setup.SetupStep}; the jar, hook and service steps live in the CLI package and run
 * the same code as {@code setup-hooks} and {@code install-service}.
 */
package dev.cctelemetry.cli.setup;
