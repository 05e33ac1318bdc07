package dev.tandem.routing;

/**
 * One thing wrong with a routing file: where, what was found, and what was expected.
 *
 * @param file    the file, as it was named
 * @param line    the line, from 1; 0 when the problem is about the whole file
 * @param message what is wrong and how to fix it
 */
public record RoutingProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
