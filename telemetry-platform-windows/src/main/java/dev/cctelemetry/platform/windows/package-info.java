/**
 * Windows adapters: hidden detached process start through PowerShell's {@code Start-Process}, and PowerShell
 * hook scripts. Nothing here can run on the Linux build machines: the tests check the built command lines and
 * the rendered text (golden files) only.
 */
package dev.cctelemetry.platform.windows;
