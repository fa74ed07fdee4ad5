/**
 * Alert channels that leave the machine: {@link dev.cctelemetry.notify.WebhookChannel} posts an alert as
 * Slack- and Discord-compatible JSON. An adapter module of its own because core and the application layer do no
 * HTTP; it knows no other adapter.
 */
package dev.cctelemetry.notify;
