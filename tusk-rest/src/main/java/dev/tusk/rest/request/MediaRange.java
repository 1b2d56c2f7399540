package dev.tusk.rest.request;

/** One element of an {@code Accept} header: a media type, its quality, and the text as sent. */
public record MediaRange(MediaType type, double quality, String raw) {}
