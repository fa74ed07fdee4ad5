/** Live updates: the change counter watched and pushed to open pages as server-sent events. */
package dev.cctelemetry.web.live;
