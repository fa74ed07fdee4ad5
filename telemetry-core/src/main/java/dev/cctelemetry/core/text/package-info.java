/** Text shown to people: values read from data made safe to print on a terminal. */
package dev.cctelemetry.core.text;
