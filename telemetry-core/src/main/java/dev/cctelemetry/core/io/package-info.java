/** File writing every module shares: small state and config files replaced atomically. */
package dev.cctelemetry.core.io;
