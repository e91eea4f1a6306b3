package kz.opendata.hub.analysis.read;

import java.nio.charset.Charset;

/**
 * The character encoding of a text file.
 *
 * @param confidence 0..1; 1 where a byte order mark decided
 * @param bomLength bytes of byte order mark to skip before the text
 */
record DetectedEncoding(Charset charset, double confidence, int bomLength) {}
