/** Test fixtures shared by every module through the core test-jar: transcript builders and fakes. */
package dev.cctelemetry.testing;
