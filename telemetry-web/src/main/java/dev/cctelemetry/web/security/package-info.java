/**
 * The dashboard's security model: a per-launch token exchanged for a strict cookie, a Host check against DNS
 * rebinding, and the headers (CSP first) every response carries. Everything is refused with 403 unless both
 * checks pass; nothing the server answers changes any data.
 */
package dev.cctelemetry.web.security;
