/**
 * The {@code setup} wizard: {@link dev.cctelemetry.cli.setup.Prompter} asks (again after a wrong answer, secrets
 * without echo), {@link dev.cctelemetry.cli.setup.SetupAnswers} holds the answers, and each install action is a
 * {@link dev.cctelemetry.cli.setup.SetupStep} so the hook, service and jar installers can be bound in when they
 * exist; until then {@link dev.cctelemetry.cli.setup.UnavailableStep} says so instead of pretending.
 */
package dev.cctelemetry.cli.setup;
