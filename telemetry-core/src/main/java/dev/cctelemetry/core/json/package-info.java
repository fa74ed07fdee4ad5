/** Reading JSON documents into Jackson trees without starting Jackson's data binding. */
package dev.cctelemetry.core.json;
